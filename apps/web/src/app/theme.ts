import { createTheme, PasswordInput } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  // The navbar collapses into a burger below md; at 900px a tablet in landscape keeps it.
  breakpoints: { xs: '36em', sm: '48em', md: '56.25em', lg: '75em', xl: '88em' },
  components: {
    PasswordInput: PasswordInput.extend({
      // Mantine's default toggle name contains "password", so a label lookup of "Password" found two elements.
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Show or hide the characters' } },
    }),
  },
});
