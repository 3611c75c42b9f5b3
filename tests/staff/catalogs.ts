/*
 * The staff board's and the display's catalogs bound in both board languages, as the board shows them:
 * tests read the words of a language without switching the page's (kiosk/shared/locale.ts).
 */
import { bind, type CatalogShape, type Translation } from "../../common/i18n/messages";
import adminDe from "../../kiosk/staff/i18n/admin/de";
import adminEn from "../../kiosk/staff/i18n/admin/en";
import authDe from "../../kiosk/staff/i18n/auth/de";
import authEn from "../../kiosk/staff/i18n/auth/en";
import boardDe from "../../kiosk/staff/i18n/board/de";
import boardEn from "../../kiosk/staff/i18n/board/en";
import pastDe from "../../kiosk/staff/i18n/past/de";
import pastEn from "../../kiosk/staff/i18n/past/en";
import searchDe from "../../kiosk/staff/i18n/search/de";
import searchEn from "../../kiosk/staff/i18n/search/en";
import statsDe from "../../kiosk/staff/i18n/stats/de";
import statsEn from "../../kiosk/staff/i18n/stats/en";

function both<T extends CatalogShape>(de: T, en: Translation<T>) {
  return { de: bind(de, de, "de"), en: bind(de, en, "en") } as const;
}

export const STAFF_STRINGS = both(boardDe, boardEn);
export const ADMIN_STRINGS = both(adminDe, adminEn);
export const AUTH_STRINGS = both(authDe, authEn);
export const PAST_STRINGS = both(pastDe, pastEn);
export const SEARCH_STRINGS = both(searchDe, searchEn);
export const STATS_STRINGS = both(statsDe, statsEn);

/** The catalogs as data (German and English), for tests that look at every text. */
export const RAW = {
  board: { de: boardDe, en: boardEn },
  admin: { de: adminDe, en: adminEn },
  signIn: { de: authDe, en: authEn },
} as const;
