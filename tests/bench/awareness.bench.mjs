// The awareness-rate statistics at scale (run: pnpm bench). A survey wave gets ANSWERS answers
// (default 1,000,000), each by its own resident, written straight into the SQLite file with their pre-aggregated cells, as
// the server would have built them answer by answer; then the full breakdown is timed through the
// API, and for comparison the same breakdown computed from the raw answers with GROUP BY.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { startServer, ROOT } = require('../support/server.js');
const Database = createRequire(`${ROOT}/server/package.json`)('better-sqlite3');

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 10);
const GROUPS = ['student', 'parent', 'employee', 'cadre', 'elderly', 'other'];
const AGES = ['14to17', '18to34', '35to59', '60plus'];
const GENDERS = ['female', 'male', 'undisclosed'];
const DIMENSIONS = ['region', 'urban_rural', 'group', 'age_band', 'gender', 'campaign', 'event'];

async function json(res) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function timed(name, times, fn) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const row = { what: name, runs: times, 'median ms': ms[Math.floor(ms.length / 2)].toFixed(1), 'max ms': ms[ms.length - 1].toFixed(1) };
  console.log(JSON.stringify(row));
  return row;
}

const server = await startServer({ API_RATE_PER_MINUTE: '1000000' });
try {
  const base = server.baseUrl;
  const call = async (method, path, body, token) =>
    json(
      await fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body && JSON.stringify(body),
      }),
    );
  const login = await json(
    await fetch(`${base}/api/v1/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'region_yc', password: 'Demo@2026xq' }),
    }),
  );
  const token = login.accessToken;
  const regions = await json(await fetch(`${base}/api/v1/regions`));
  const district = regions.find((r) => r.level === 'district');
  const communities = regions.filter((r) => r.level === 'community');
  const quiz = await call(
    'POST',
    '/api/v1/admin/quizzes',
    {
      title: '基准：知晓率调查',
      kind: 'survey',
      regionId: district.id,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      year: new Date().getFullYear(),
      pointsPerItem: 5,
      passMark: 0.8,
      draw: { mode: 'random', perPoint: 2 },
    },
    token,
  );
  const published = await call('POST', `/api/v1/admin/quizzes/${quiz.id}/publish`, undefined, token);
  const codes = published.questionCodes;

  // Generate the answers and their cells in one pass.
  const t0 = performance.now();
  const db = new Database(server.dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rng = mulberry32(525);
  const cells = new Map();
  const perQuestion = new Map();
  // A survey wave takes signed-in residents only, one answer each: every answer has its resident.
  const resident = db.prepare(`INSERT INTO residents (openid, regionId, regionPath, populationGroup, ageBand, gender) VALUES (?, ?, ?, ?, ?, ?)`);
  const insert =
    db.prepare(`INSERT INTO quiz_attempts (quizId, clientRequestId, onceKey, residentId, answers, score, maxScore, correctCount, questionCount, correctRate, passed,
    regionId, regionPath, urbanRural, populationGroup, ageBand, gender, campaignId, eventId, submittedAt) VALUES (?, ?, ?, ?, '{}', ?, 100, ?, 20, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`);
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  // Written in chunks, so the running server is never locked out for long (its busy timeout is 5 s).
  const CHUNK = 20_000;
  const writeChunk = db.transaction((from) => {
    for (let i = from; i < Math.min(ANSWERS, from + CHUNK); i++) {
      const c = communities[Math.floor(rng() * communities.length)];
      const group = GROUPS[Math.floor(rng() * GROUPS.length)];
      const age = AGES[Math.floor(rng() * AGES.length)];
      const gender = GENDERS[Math.floor(rng() * GENDERS.length)];
      // Urban respondents know a little more, so the slices differ.
      const p = c.urbanRural === 'urban' ? 0.82 : 0.72;
      let correct = 0;
      for (const code of codes) {
        const ok = rng() < p;
        if (ok) correct++;
        const q = perQuestion.get(`${c.id}|${code}`) ?? { c, code, answered: 0, correct: 0 };
        q.answered++;
        if (ok) q.correct++;
        perQuestion.set(`${c.id}|${code}`, q);
      }
      const rate = correct / codes.length;
      const passed = rate >= 0.8 ? 1 : 0;
      const residentId = Number(resident.run(`bench-survey-${i}`, c.id, c.path, group, age, gender).lastInsertRowid);
      insert.run(
        quiz.id,
        `bench-${i}`,
        `${quiz.id}:${residentId}`,
        residentId,
        correct * 5,
        correct,
        rate,
        passed,
        c.id,
        c.path,
        c.urbanRural ?? '',
        group,
        age,
        gender,
        now,
      );
      const key = `${c.id}|${group}|${age}|${gender}`;
      const cell = cells.get(key) ?? { c, group, age, gender, respondents: 0, passed: 0, sum: 0, sq: 0 };
      cell.respondents++;
      cell.passed += passed;
      cell.sum += rate;
      cell.sq += rate * rate;
      cells.set(key, cell);
    }
  });
  for (let from = 0; from < ANSWERS; from += CHUNK) writeChunk(from);
  db.transaction(() => {
    const cellInsert =
      db.prepare(`INSERT INTO awareness_cells (quizId, regionId, regionPath, urbanRural, populationGroup, ageBand, gender, campaignId, eventId, respondents, passed, sumCorrectRate, sumCorrectRateSq)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)`);
    for (const x of cells.values())
      cellInsert.run(quiz.id, x.c.id, x.c.path, x.c.urbanRural ?? '', x.group, x.age, x.gender, x.respondents, x.passed, x.sum, x.sq);
    const kpOf = new Map(
      db
        .prepare('SELECT code, knowledgePoint FROM questions')
        .all()
        .map((r) => [r.code, r.knowledgePoint]),
    );
    const qInsert = db.prepare(
      `INSERT INTO awareness_question_counts (quizId, regionId, regionPath, questionCode, knowledgePoint, answered, correct, dontKnow) VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    for (const q of perQuestion.values()) qInsert.run(quiz.id, q.c.id, q.c.path, q.code, kpOf.get(q.code), q.answered, q.correct);
    db.prepare('UPDATE quizzes SET respondents = ? WHERE id = ?').run(ANSWERS, quiz.id);
  })();
  console.log(
    `# ${ANSWERS.toLocaleString('en')} answers, ${cells.size} awareness cells, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; SQLite, Node ${process.version}`,
  );

  const rows = [];
  const get = (path) => call('GET', path, undefined, token);
  let checked = false;
  rows.push(
    await timed('full breakdown: 7 dimensions + knowledge points + trend (API)', REPEAT, async () => {
      const reports = await Promise.all(DIMENSIONS.map((d) => get(`/api/v1/admin/awareness?quizIds=${quiz.id}&dimension=${d}`)));
      await get(`/api/v1/admin/awareness/knowledge-points?quizIds=${quiz.id}`);
      await get('/api/v1/admin/awareness/trend');
      if (!checked) {
        checked = true;
        if (reports[0].overall.result.respondents !== ANSWERS)
          throw new Error(`breakdown counted ${reports[0].overall.result.respondents} answers, expected ${ANSWERS}`);
      }
    }),
  );
  rows.push(await timed('one breakdown by region (API)', REPEAT, () => get(`/api/v1/admin/awareness?quizIds=${quiz.id}&dimension=region`)));
  rows.push(
    await timed('Excel report as a background job, start to file (API)', Math.max(1, Math.floor(REPEAT / 5)), async () => {
      const job = await call('POST', '/api/v1/admin/awareness/reports', { quizIds: [quiz.id] }, token);
      for (;;) {
        const state = await get(`/api/v1/admin/jobs/${job.id}`);
        if (state.status === 'done') break;
        if (state.status === 'failed') throw new Error(state.error);
        await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
  rows.push(
    await timed('same region breakdown from the raw answers (GROUP BY, no pre-aggregation)', Math.max(1, Math.floor(REPEAT / 5)), () =>
      db
        .prepare(
          `SELECT regionPath, populationGroup, ageBand, gender, COUNT(*) n, SUM(passed) p, SUM(correctRate) s, SUM(correctRate * correctRate) sq
      FROM quiz_attempts WHERE quizId = ? GROUP BY regionPath, populationGroup, ageBand, gender`,
        )
        .all(quiz.id),
    ),
  );
  db.close();
  console.table(rows);
} finally {
  await server.stop();
}
