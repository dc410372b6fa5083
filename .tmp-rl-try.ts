import { mkdtempSync } from 'node:fs';
import { startChildServer, ADMIN_PASSWORD } from './test/faults/child-server.js';
import { signIn } from './test/faults/http-client.js';
import { pdf } from './test/helpers/evidence-files.js';
const dir = mkdtempSync('/tmp/rl-exp/try-');
const s = await startChildServer({ dataDir: dir });
try {
  const c = await signIn(s.url, 'admin', ADMIN_PASSWORD);
  const items = await (await c.get('/api/items?pageSize=200')).json() as any;
  console.log(Object.keys(items), items.items.length, items.total, Object.keys(items.items[0]));
  const it = items.items[5];
  const detail = await (await c.get(`/api/items/${it.number}`)).json() as any;
  console.log(Object.keys(detail), detail.milestones?.length, detail.targets?.length, detail.achievements?.length);
  const content = { milestones: detail.milestones.map(() => null), targets: detail.targets.map(() => null), achievements: detail.achievements.map(() => null), narrative: 'progress' };
  let r = await c.send('PUT', `/api/reports/by-item/${detail.itemKey}/2022-06`, { ...content, revision: null });
  console.log('save', r.status, (await r.text()).slice(0, 300));
  r = await c.send('PUT', `/api/reports/by-item/${detail.itemKey}/2026-11`, { ...content, revision: null });
  const rep = await r.json() as any; console.log('save 2026-11', r.status, JSON.stringify(rep).slice(0, 300));
  r = await c.upload(`/api/reports/${rep.id}/evidence`, 'a.pdf', pdf());
  console.log('evidence', r.status, (await r.text()).slice(0, 200));
  r = await c.send('POST', `/api/reports/${rep.id}/submit`, { revision: rep.revision });
  console.log('submit', r.status, (await r.text()).slice(0, 200));
  r = await c.send('POST', `/api/bulletins`, { period: '2026-11' });
  const b = await r.json() as any; console.log('bulletin', r.status, JSON.stringify(b).slice(0, 300));
  r = await c.send('POST', `/api/bulletins/${b.id}/publish`);
  console.log('publish', r.status, (await r.text()).slice(0, 200));
  console.log((await (await c.get('/api/dashboard')).text()).slice(0, 200));
} finally { await s.stop(); console.log(s.output()); }
