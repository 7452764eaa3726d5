import LockIcon from '@mui/icons-material/Lock';
import { Alert, Avatar, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useLogin, useTranslate } from 'react-admin';
import type { LoginParams } from '../auth-provider';

/**
 * Sign-in with the platform account's email and password (react-admin's own page asks for a username). A refusal
 * stays on the page, in words: a wrong password, a banned account, an account with no staff role.
 */
export function LoginPage() {
  const login = useLogin();
  const translate = useTranslate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    const params: LoginParams = { email, password };
    login(params).catch((error: unknown) => {
      setProblem(error instanceof Error ? error.message : 'gg.error.NETWORK');
      setPending(false);
    });
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', bgcolor: 'grey.100', px: 2, pt: { xs: 6, sm: 12 } }}>
      <Card sx={{ width: '100%', maxWidth: 400 }}>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2 }}>
            <Avatar sx={{ bgcolor: 'secondary.main' }}>
              <LockIcon />
            </Avatar>
            <Typography variant="h6" component="h1">
              {translate('gg.auth.heading')}
            </Typography>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('gg.auth.intro')}
          </Typography>
          <form onSubmit={submit} noValidate>
            <TextField
              label={translate('gg.auth.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              fullWidth
              required
              margin="dense"
              slotProps={{ htmlInput: { 'data-testid': 'login-email' } }}
            />
            <TextField
              label={translate('gg.auth.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              fullWidth
              required
              margin="dense"
              slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
            />
            {problem !== null && (
              <Alert data-testid="login-error" severity="error" sx={{ mt: 2 }}>
                {translate(problem, { _: problem })}
              </Alert>
            )}
            <Button data-testid="login-submit" type="submit" variant="contained" fullWidth sx={{ mt: 2 }} disabled={pending || email === '' || password === ''}>
              {translate(pending ? 'gg.auth.signing_in' : 'gg.auth.sign_in')}
            </Button>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}
