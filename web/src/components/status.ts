import type { Status } from '../api/types';
import type { Translate } from '../i18n';
import { STATUS_COLOR as COLORS, STATUS_ORDER as ORDER } from '../../../src/shared/charts/palette.js';

/**
 * Fill colours of the three-colour warning (三色预警) plus done, shared by tags, charts and the
 * timeline — and by the charts the server draws into the bulletin (src/shared/charts/).
 */
export const STATUS_COLOR: Record<Status, string> = COLORS;

/** Worst first: the order in which statuses are listed and stacked. */
export const STATUS_ORDER: readonly Status[] = ORDER;

/** Series names of the status charts, in the reader's language. */
export function statusNames(t: Translate): Record<Status, string> {
  return {
    red: t('status.red'),
    yellow: t('status.yellow'),
    green: t('status.green'),
    done: t('status.done'),
  };
}
