import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage, isApiError } from '../../api/problem';
import { useLogin, type Credentials } from '../../api/session';

const HOME = '/';

/** Only a path of this site: `next` comes from the URL, which anyone can craft. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : HOME;
}

function loginError(error: unknown): string {
  if (isApiError(error, 401)) return 'Wrong email or password';
  if (isApiError(error, 429)) return 'Too many attempts, try again later';
  return errorMessage(error);
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm<Credentials>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Email is required'),
      password: (value) => (value ? null : 'Password is required'),
    },
  });

  const submit = (credentials: Credentials) => {
    login.mutate({ ...credentials, email: credentials.email.trim() }, { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <Title order={2} ta="center">
              Sign in
            </Title>
            {login.isError && (
              <Alert color="red" role="alert">
                {loginError(login.error)}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" autoFocus {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={login.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
