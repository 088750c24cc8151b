import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../pipeline/signedInUser.ts';
import { useSignedInUser } from '../hooks/useSignedInUser.ts';

/**
 * The line a clinician reads to check who is signed in: the name from the `fhirUser` resource
 * ("Signed in as Dr. Anna Weber"); when the name cannot be read, the user record's reference with
 * what it is and why the name is missing (never a bare `Practitioner/…`).
 */
export function SignedInUserText({ user }: { user: SignedInUser | undefined }) {
  const { t } = useTranslation();
  let text: string;
  if (!user) text = t('identity.loading');
  else if (user.kind === 'none') text = t('identity.none');
  else if (user.kind === 'named') text = t('identity.signedInAs', { name: user.name });
  else
    text = t('identity.referenceOnly', {
      kind: t(`identity.kind.${user.type ?? 'other'}`),
      ref: user.reference,
      reason: t(`identity.reason.${user.problem}`),
    });
  return (
    <Typography
      variant="body2"
      data-testid="signed-in-user"
      data-user-state={user?.kind ?? 'pending'}
      title={user && user.kind === 'reference-only' ? user.detail : undefined}
    >
      {text}
    </Typography>
  );
}

/** The signed-in user of the launch, read once (hooks/useSignedInUser.ts). */
export function SignedInUserLine() {
  const { data } = useSignedInUser();
  return <SignedInUserText user={data} />;
}
