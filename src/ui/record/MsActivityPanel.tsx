import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../format.ts';
import { ActivityChart } from './ActivityChart.tsx';
import type { MsActivityData } from './activity.ms.ts';
import { timeTicks } from './activity.utils.ts';
import { formatNumber } from './recordView.utils.ts';
import { TableDetails } from './Section.tsx';
import { SourceLinks } from './SourceLinks.tsx';
import { ColumnHeads } from '../components/ColumnHeads.tsx';
import { dateTimeFormat } from '../intl.ts';

/** A relapse onset: a downward triangle (shape, not only colour). */
function RelapseMark({ cx, cy, fill }: { cx?: number; cy?: number; fill?: unknown }) {
  if (cx === undefined || cy === undefined) return null;
  return <path d={`M${cx - 6},${cy - 6}L${cx + 6},${cy - 6}L${cx},${cy + 6}Z`} fill={typeof fill === 'string' ? fill : 'currentColor'} />;
}

function Relapses({ data, xDomain }: { data: MsActivityData; xDomain: [number, number] }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const date = (raw: string) => formatFhirDate(raw, i18n.language) ?? raw;
  const dateTick = (time: number) =>
    dateTimeFormat(i18n.language, { year: 'numeric', ...(new Date(time).getUTCMonth() === 0 ? {} : { month: 'short' }), timeZone: 'UTC' }).format(
      new Date(time),
    );
  return (
    <Box component="article" aria-labelledby="activity-relapses" data-testid="activity-relapses" sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h4" id="activity-relapses">
        {t('recordView.activity.ms.relapses')}
      </Typography>
      {data.rates.map((r) => (
        <Typography key={r.years} variant="body2" data-testid={`arr-${r.years}`}>
          {r.value === null
            ? t('recordView.activity.ms.rateMissing', { years: r.years })
            : t('recordView.activity.ms.rate', {
                years: r.years,
                start: date(r.window.start),
                end: date(r.window.end),
                value: formatNumber(r.value, i18n.language),
                count: r.count ?? 0,
              })}
        </Typography>
      ))}
      {data.relapses.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('recordView.activity.ms.noRelapses')}
        </Typography>
      ) : (
        <>
          <Box component="figure" aria-label={t('recordView.activity.ms.relapsesLabel')} sx={{ width: '100%', height: 90, m: 0 }}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 90 }}>
              <ScatterChart margin={{ top: 8, right: 24, bottom: 16, left: 64 }}>
                <XAxis
                  dataKey="time"
                  type="number"
                  scale="time"
                  domain={xDomain}
                  ticks={timeTicks(xDomain)}
                  tickFormatter={dateTick}
                  label={{ value: t('recordView.activity.axis.date'), position: 'insideBottom', offset: -8 }}
                />
                <YAxis dataKey="y" type="number" domain={[0, 2]} hide />
                <Scatter
                  data={data.relapses.map((r) => ({ time: r.time, y: 1 }))}
                  name={t('recordView.activity.ms.relapse')}
                  fill={theme.palette.error.main}
                  shape={RelapseMark}
                  isAnimationActive={false}
                />
              </ScatterChart>
            </ResponsiveContainer>
          </Box>
          <TableDetails summary={t('recordView.activity.showTable', { name: t('recordView.activity.ms.relapses') })} testId="activity-table-relapses">
            <Table size="small">
              <caption>{t('recordView.activity.ms.relapses')}</caption>
              <TableHead>
                <TableRow>
                  {(['date', 'state', 'source'] as const).map((k) => (
                    <TableCell key={k} component="th" scope="col">
                      {t(`recordView.activity.columns.${k}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.relapses.map((r) => (
                  <TableRow key={`${r.source}-${r.date}`}>
                    <TableCell component="th" scope="row">
                      {date(r.date)}
                    </TableCell>
                    <TableCell>
                      {[
                        t('recordView.activity.ms.relapse'),
                        r.fullDate ? '' : t('recordView.activity.ms.partialDate'),
                        r.sameRelapse ? t('recordView.activity.ms.sameRelapse') : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </TableCell>
                    <TableCell>
                      <SourceLinks refs={r.source ? [r.source] : []} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableDetails>
        </>
      )}
    </Box>
  );
}

function Lesions({ data }: { data: MsActivityData }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const name = t('recordView.activity.ms.lesions');
  const count = (v: number | undefined) => (v === undefined ? t('recordView.activity.ms.notReported') : String(v));
  const short = dateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const rows = data.lesions.map((l) => ({ label: short.format(new Date(l.time)), newT2: l.newT2 ?? null, gd: l.gd ?? null }));
  return (
    <Box component="article" aria-labelledby="activity-lesions" data-testid="activity-lesions" sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h4" id="activity-lesions">
        {name}
      </Typography>
      {data.lesions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('recordView.activity.ms.noLesions')}
        </Typography>
      ) : (
        <>
          <Box component="figure" aria-label={t('recordView.activity.ms.lesionsLabel')} sx={{ width: '100%', height: 200, m: 0 }}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 200 }}>
              <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="label"
                  interval="preserveStartEnd"
                  minTickGap={12}
                  label={{ value: t('recordView.activity.axis.date'), position: 'insideBottom', offset: -8 }}
                />
                <YAxis
                  allowDecimals={false}
                  width={56}
                  label={{ value: t('recordView.activity.axis.lesions'), angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
                />
                <Tooltip />
                <Legend verticalAlign="top" />
                <Bar dataKey="newT2" name={t('recordView.activity.ms.newT2')} fill={theme.palette.primary.main} isAnimationActive={false} />
                <Bar dataKey="gd" name={t('recordView.activity.ms.gd')} fill={theme.palette.error.main} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <TableDetails summary={t('recordView.activity.showTable', { name })} testId="activity-table-lesions">
            <Table size="small">
              <caption>{name}</caption>
              <ColumnHeads
                columns={[
                  t('recordView.activity.columns.date'),
                  t('recordView.activity.ms.newT2'),
                  t('recordView.activity.ms.gd'),
                  t('recordView.activity.columns.source'),
                ]}
              />
              <TableBody>
                {data.lesions.map((l) => (
                  <TableRow key={l.date}>
                    <TableCell component="th" scope="row">
                      {formatFhirDate(l.date, i18n.language)}
                    </TableCell>
                    <TableCell>{count(l.newT2)}</TableCell>
                    <TableCell>{count(l.gd)}</TableCell>
                    <TableCell>
                      <SourceLinks refs={l.sources} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableDetails>
        </>
      )}
    </Box>
  );
}

function Neda({ data }: { data: MsActivityData }) {
  const { t, i18n } = useTranslation();
  const date = (raw: string) => formatFhirDate(raw, i18n.language) ?? raw;
  const detail = (y: MsActivityData['neda'][number]) =>
    [
      ...y.activity.map((a) => t(`recordView.activity.ms.nedaActivity.${a}`)),
      y.missing.length > 0
        ? t('recordView.activity.ms.nedaMissing', { items: y.missing.map((m) => t(`recordView.activity.items.${m}`, { defaultValue: m })).join(', ') })
        : '',
    ]
      .filter(Boolean)
      .join('; ') || '—';
  return (
    <Box component="article" aria-labelledby="activity-neda" data-testid="activity-neda" sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h4" id="activity-neda">
        {t('recordView.activity.ms.neda')}
      </Typography>
      {data.neda.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('recordView.activity.ms.nedaNone')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{t('recordView.activity.ms.nedaCaption')}</caption>
            <TableHead>
              <TableRow>
                {(['window', 'status', 'detail'] as const).map((k) => (
                  <TableCell key={k} component="th" scope="col">
                    {t(`recordView.activity.ms.nedaColumns.${k}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.neda.map((y) => (
                <TableRow key={y.window.start} data-status={y.status}>
                  <TableCell component="th" scope="row">
                    {t('recordView.activity.ms.window', { start: date(y.window.start), end: date(y.window.end) })}
                  </TableCell>
                  <TableCell>{`${{ met: '✓', 'not-met': '▲', 'not-assessable': '?' }[y.status]} ${t(`recordView.activity.ms.nedaStatus.${y.status}`)}`}</TableCell>
                  <TableCell>{detail(y)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}

/** Relapsing MS: relapses and ARR, EDSS with progression and relapse lines, MRI lesions, JCV index, NEDA-3 per year. */
export function MsActivityPanel({ data, now }: { data: MsActivityData; now: Date }) {
  const { t, i18n } = useTranslation();
  const date = (raw: string | undefined) => (raw ? (formatFhirDate(raw, i18n.language) ?? raw) : '–');
  const times = [...data.relapses.map((r) => r.time), ...(data.edss?.points.map((p) => p.time) ?? [])];
  const xDomain: [number, number] = [times.length > 0 ? Math.min(...times) : now.getTime() - 2 * 365.25 * 86_400_000, now.getTime()];
  const p = data.progression;
  const marks: Record<string, string> = {};
  if (p && p.status !== 'none') {
    marks[p.reference.slice(0, 10)] = t('recordView.activity.ms.progressionMark.reference');
    if (p.onset) marks[p.onset.slice(0, 10)] = t('recordView.activity.ms.progressionMark.onset');
    if (p.confirmation) marks[p.confirmation.slice(0, 10)] = t('recordView.activity.ms.progressionMark.confirmation');
  }
  let progressionText = t('recordView.activity.ms.progression.notAssessable');
  if (p)
    progressionText = t(`recordView.activity.ms.progression.${p.status}`, {
      reference: date(p.reference),
      onset: date(p.onset),
      confirmation: date(p.confirmation),
    });
  const events = data.relapses.map((r) => ({ time: r.time, label: t('recordView.activity.ms.relapse') }));
  const highlights = [
    ...(p?.onset ? [{ time: Date.parse(p.onset), label: t('recordView.activity.ms.progressionMark.onset') }] : []),
    ...(p?.confirmation ? [{ time: Date.parse(p.confirmation), label: t('recordView.activity.ms.progressionMark.confirmation') }] : []),
  ].filter((h) => Number.isFinite(h.time));
  return (
    <Box data-testid="activity-ms">
      <Relapses data={data} xDomain={xDomain} />
      {data.edss ? (
        <>
          <Typography variant="body2" data-testid="edss-progression" data-status={p?.status ?? 'not-assessable'}>
            {progressionText}
          </Typography>
          <ActivityChart series={data.edss} axis="score" xDomain={xDomain} events={events} highlights={highlights} marks={marks} />
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('recordView.activity.noValue', { name: t('recordView.activity.series.edss') })}
        </Typography>
      )}
      <Lesions data={data} />
      {data.jcv ? (
        <ActivityChart series={data.jcv} axis="index" />
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('recordView.activity.noValue', { name: t('recordView.activity.series.jcv') })}
        </Typography>
      )}
      {data.serostatus.map((s) => (
        <Typography key={`${s.date}-${s.result}`} variant="body2" data-testid="jcv-serostatus">
          {t('recordView.activity.ms.serostatus', {
            result: t(`recordView.activity.ms.serostatusResult.${s.result}`, { defaultValue: s.result }),
            date: date(s.date),
          })}
        </Typography>
      ))}
      <Neda data={data} />
    </Box>
  );
}
