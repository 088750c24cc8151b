import { Box, Typography } from '@mui/material';
import type { Resource } from 'fhir/r4';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceButton } from '../components/SourceButton.tsx';

/** The loaded resources by `Type/id`, provided once by RecordView so every panel can open a source. */
export const ResourceIndexContext = createContext<ReadonlyMap<string, Resource>>(new Map());

/**
 * The source references of a value, each a button opening the raw FHIR resource (SourceButton).
 * A reference not among the loaded resources is shown as text, so it is never silently dropped.
 */
export function SourceLinks({ refs, max = 3 }: { refs: readonly string[]; max?: number }) {
  const { t } = useTranslation();
  const index = useContext(ResourceIndexContext);
  if (refs.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {t('recordView.noSource')}
      </Typography>
    );
  }
  const shown = refs.slice(0, max);
  const rest = refs.length - shown.length;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
      {shown.map((ref) => {
        const resource = index.get(ref);
        return resource ? (
          <SourceButton key={ref} resource={resource} />
        ) : (
          <Typography key={ref} variant="body2" component="span">
            {t('recordView.sourceNotLoaded', { ref })}
          </Typography>
        );
      })}
      {rest > 0 && (
        <Typography variant="body2" component="span" color="text.secondary">
          +{rest}
        </Typography>
      )}
    </Box>
  );
}
