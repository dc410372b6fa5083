import { createHash } from 'node:crypto';

/**
 * The public site's one stylesheet, served as /public/assets/portal.<hash>.css with a year's
 * cache (the hash changes with the content). System fonts only — the site runs on an intranet
 * and in in-app browsers, nothing is fetched from elsewhere. Colours are chosen for contrast
 * ≥ 4.5:1 (WCAG 2.1 AA) and every status is written in words too, never shown by colour alone.
 * Narrow first: one column at 390 px, wider margins from 720 px.
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei","Segoe UI",Roboto,sans-serif;font-size:17px;line-height:1.7;color:#1f1f1f;background:#fff;overflow-wrap:anywhere;word-break:normal}
a{color:#0b57d0;text-underline-offset:2px}
a:visited{color:#6a1b9a}
a:hover{color:#06357a}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid #0b57d0;outline-offset:2px;border-radius:2px}
main:focus{outline:none}
.skip{position:absolute;left:8px;top:-60px;background:#fff;color:#0b57d0;padding:8px 12px;z-index:10;border:2px solid #0b57d0}
.skip:focus{top:8px}
.wrap{max-width:960px;margin:0 auto;padding:0 16px}
.site{background:#a8071a;color:#fff}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:4px 16px;padding-top:10px;padding-bottom:10px}
.site a,.site a:visited{color:#fff;text-decoration:none}
.site a:hover{text-decoration:underline}
.site a:focus-visible{outline-color:#fff}
.site-name{margin:0;font-size:1.1rem;font-weight:700;line-height:1.4}
.site-name a{display:inline-block;min-height:44px;padding:11px 0}
.lang a{display:inline-block;min-width:44px;min-height:44px;line-height:44px;text-align:center;text-decoration:underline}
.crumbs ol{list-style:none;margin:0;padding:6px 0 0;display:flex;flex-wrap:wrap;align-items:center;gap:0 6px;font-size:.94rem}
.crumbs li+li::before{content:"›";margin-right:6px;color:#595959}
.crumbs a{display:inline-block;min-width:44px;min-height:44px;line-height:44px;text-align:center}
h1{font-size:1.5rem;line-height:1.4;margin:12px 0 8px}
h2{font-size:1.2rem;line-height:1.4;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid #d9d9d9}
h3{font-size:1.05rem;margin:16px 0 4px}
p{margin:8px 0}
.muted{color:#595959;font-size:.94rem}
.st{display:inline-block;padding:0 8px;border-radius:4px;font-size:.88rem;font-weight:600;line-height:1.8;border:1px solid currentColor;white-space:nowrap}
.st-red{color:#a8071a;background:#fff1f0}
.st-yellow{color:#7a4100;background:#fffbe6}
.st-green{color:#1d5e00;background:#f6ffed}
.st-done{color:#10239e;background:#f0f5ff}
.key{display:inline-block;padding:0 6px;border-radius:4px;font-size:.82rem;line-height:1.8;color:#fff;background:#a8071a;white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:8px 0;padding:0}
.filters a{display:inline-block;min-height:44px;line-height:42px;padding:0 12px;border:1px solid #8c8c8c;border-radius:22px;text-decoration:none;color:#1f1f1f}
.filters a[aria-current="page"]{background:#1f1f1f;color:#fff;border-color:#1f1f1f}
.cards{list-style:none;margin:0;padding:0}
.cards>li{border:1px solid #d9d9d9;border-radius:8px;padding:12px 14px;margin:10px 0}
.cards .title{display:block;font-weight:600;font-size:1.02rem;padding:4px 0;min-height:44px}
.cards .meta{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center;margin-top:4px;font-size:.94rem;color:#434343}
.facts{margin:8px 0;display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}
.facts dt{color:#595959}
.facts dd{margin:0}
.steps{list-style:none;margin:0;padding:0}
.steps>li{padding:10px 0;border-bottom:1px solid #f0f0f0}
.steps .when{font-weight:600;margin-right:8px}
.note{background:#fafafa;border-left:4px solid #a8071a;padding:8px 12px;margin:8px 0;white-space:pre-line}
.share{display:flex;flex-wrap:wrap;gap:16px;align-items:center}
.share img{width:168px;height:168px;border:1px solid #d9d9d9;background:#fff}
.short{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1rem;word-break:break-all}
.table-wrap{overflow-x:auto;margin:8px 0}
table{border-collapse:collapse;width:100%;font-size:.94rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #e8e8e8;padding:8px 6px;text-align:left;vertical-align:top}
th{background:#fafafa}
td.num,th.num{text-align:right;white-space:nowrap}
.board-cards{list-style:none;margin:0;padding:0}
.board-cards>li{border:1px solid #d9d9d9;border-radius:8px;padding:8px 14px;margin:10px 0}
.board-cards .title{font-weight:600;margin:4px 0}
.board-table{display:none}
.more{display:inline-block;min-width:44px;min-height:44px;line-height:44px}
footer{margin-top:40px;border-top:1px solid #d9d9d9;padding:16px 0 32px;color:#595959;font-size:.9rem}
footer a{display:inline-block;min-height:44px;line-height:44px}
@media (min-width:720px){body{font-size:16px}h1{font-size:1.75rem}.wrap{padding:0 24px}.board-table{display:block}.board-cards{display:none}}
@media print{.site,.skip,.filters,.share,footer{display:none}a{color:#000}}
`.trim();

export const PORTAL_CSS_HASH = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
export const PORTAL_CSS_PATH = `/public/assets/portal.${PORTAL_CSS_HASH}.css`;
