import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

// System fonts only: the machine is offline and every system font here draws Vietnamese diacritics.
const SYSTEM_FONTS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#a4161a' },
    secondary: { main: '#7d1114', contrastText: '#fff' },
  },
  typography: {
    ...defaultLightTheme.typography,
    fontFamily: SYSTEM_FONTS,
  },
};
