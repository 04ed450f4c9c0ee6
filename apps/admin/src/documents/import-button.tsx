import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, Link, useCanAccess } from 'react-admin';

/** To the import wizard, for those who may import. */
export const ImportButton = () => {
  const { canAccess } = useCanAccess({ resource: 'Document', action: 'import' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to="/import" label="app.menu.import">
      <UploadFileIcon />
    </Button>
  );
};
