import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';

type ActionButtonProps = ButtonProps & {
  onClick?: () => void;
  /** Why the action is not available now; the button is then disabled and says why on hover and focus. */
  disabledReason?: string | null;
  children: ReactNode;
};

/**
 * A button that can explain why it is disabled. A truly disabled button
 * gets no hover or focus, so its tooltip could never show: it is marked
 * disabled (aria-disabled, Mantine's look) and swallows the click instead.
 */
export function ActionButton({ disabledReason, onClick, children, ...buttonProps }: ActionButtonProps) {
  if (!disabledReason)
    return (
      <Button {...buttonProps} onClick={onClick}>
        {children}
      </Button>
    );
  return (
    <Tooltip label={disabledReason} multiline maw={280} withArrow>
      <Button {...buttonProps} data-disabled aria-disabled="true" onClick={(event: MouseEvent) => event.preventDefault()}>
        {children}
      </Button>
    </Tooltip>
  );
}
