import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Box, Typography } from '@mui/material';
import {
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { useDocumentLanguage } from '../i18n/use-document-language';

/** react-admin's login with the e-mail the API expects, the app's name, and the language menu. */
export const LoginPage = () => {
  const translate = useTranslate();
  useDocumentLanguage();
  return (
    <Login
      avatarIcon={<AssignmentTurnedInIcon />}
      sx={{
        backgroundImage: 'linear-gradient(160deg, #7d1114 0%, #a4161a 45%, #f3ede4 45.1%)',
        '& .RaLogin-icon': { backgroundColor: 'primary.main' },
      }}
    >
      <Box component="header" sx={{ textAlign: 'center', px: 2 }}>
        <Typography component="h1" variant="h5" sx={{ fontWeight: 600 }}>
          {translate('app.name')}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {translate('app.tagline')}
        </Typography>
      </Box>
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="email"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
