/** The whole stylesheet: system fonts, light and dark from the system preference, visible focus. */
export const css = `
:root { color-scheme: light dark; --bg:#fbfaf7; --fg:#1d1f21; --muted:#5f6368; --card:#ffffff; --line:#e3e0d8;
  --accent:#0b6bcb; --ok:#1a7f37; --bad:#c62828; --warn:#b26a00; --master:#7b3fb8; --code:#f3f1ec; }
@media (prefers-color-scheme: dark) { :root { --bg:#15171a; --fg:#e8e6e3; --muted:#a0a4a8; --card:#1d2024; --line:#30343a;
  --accent:#6cb6ff; --ok:#56d364; --bad:#ff7b72; --warn:#e3b341; --master:#c297ff; --code:#23272d; } }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--fg); }
a { color:var(--accent); }
:focus-visible { outline:3px solid var(--accent); outline-offset:2px; border-radius:4px; }
header.top { display:flex; gap:1rem; align-items:baseline; flex-wrap:wrap; padding:.8rem 1.2rem; border-bottom:1px solid var(--line); }
header.top .brand { font-weight:700; text-decoration:none; color:var(--fg); }
header.top .tag { color:var(--muted); font-size:.9rem; }
main { max-width:980px; margin:0 auto; padding:1.2rem; }
h1 { font-size:1.7rem; margin:.2rem 0 .4rem; } h2 { font-size:1.2rem; margin:1.6rem 0 .6rem; }
.muted { color:var(--muted); } .crumb { color:var(--muted); font-size:.9rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:1rem 1.1rem; margin:.8rem 0; }
.grid { display:grid; gap:.8rem; grid-template-columns:repeat(auto-fit,minmax(260px,1fr)); }
.phase h3 { margin:0 0 .3rem; font-size:1rem; }
.bar { height:8px; background:var(--line); border-radius:4px; overflow:hidden; margin:.3rem 0 .6rem; }
.bar > span { display:block; height:100%; background:var(--ok); }
ul.tasks { list-style:none; margin:0; padding:0; }
ul.tasks li { display:flex; gap:.5rem; align-items:center; padding:.15rem 0; }
.state { font-size:.75rem; padding:.05rem .45rem; border-radius:999px; border:1px solid var(--line); white-space:nowrap; }
.state.new { color:var(--muted); } .state.learning { color:var(--warn); border-color:var(--warn); }
.state.passed, .state.reviewing { color:var(--ok); border-color:var(--ok); } .state.mastered { color:var(--master); border-color:var(--master); }
.state.due { color:var(--warn); border-color:var(--warn); font-weight:600; }
pre, code { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:.88rem; }
pre { background:var(--code); padding:.8rem 1rem; border-radius:8px; overflow-x:auto; line-height:1.3; }
:not(pre) > code { background:var(--code); padding:.05rem .3rem; border-radius:4px; }
/* Mermaid drawings are light-themed SVG: a light card keeps them legible in dark mode too. */
figure.diagram { margin:1rem 0; padding:.8rem; background:#fff; border:1px solid var(--line); border-radius:8px; overflow-x:auto; }
figure.diagram svg { display:block; margin:0 auto; height:auto; }
figure.diagram figcaption { color:#555; font-size:.85rem; margin-top:.4rem; }
blockquote { margin:1rem 0; padding:.4rem 1rem; border-left:4px solid var(--warn); background:var(--card); border-radius:0 8px 8px 0; }
table { border-collapse:collapse; } th, td { border-bottom:1px solid var(--line); padding:.3rem .6rem; text-align:left; }
.meta { display:flex; flex-wrap:wrap; gap:.4rem 1rem; color:var(--muted); font-size:.9rem; }
button { font:inherit; padding:.5rem 1rem; border-radius:8px; border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; }
button.secondary { background:transparent; color:var(--accent); }
button:disabled { opacity:.6; cursor:progress; }
.results { list-style:none; padding:0; margin:.6rem 0; } .results li { padding:.15rem 0; }
.pass { color:var(--ok); } .fail { color:var(--bad); }
.verdict { font-weight:700; margin:.6rem 0; } .failure { white-space:pre-wrap; margin:.2rem 0 .6rem 1.4rem; }
pre.diff { max-width:60vw; font-size:.75rem; } details summary { cursor:pointer; color:var(--accent); }
.calendar { display:grid; grid-auto-flow:column; grid-template-rows:repeat(7,12px); grid-auto-columns:12px; gap:3px; overflow-x:auto; }
.calendar span { width:12px; height:12px; border-radius:2px; background:var(--line); }
.calendar span.l1 { background:#9be9a8; } .calendar span.l2 { background:#40c463; } .calendar span.l3 { background:#216e39; }
.forecast { display:flex; align-items:flex-end; gap:2px; height:70px; }
.forecast span { flex:1; background:var(--accent); min-height:1px; border-radius:2px 2px 0 0; }
svg.chart { width:100%; height:120px; } svg.chart path { fill:none; stroke:var(--ok); stroke-width:2; }
@media (max-width:600px) { main { padding:.8rem; } h1 { font-size:1.35rem; } pre { font-size:.75rem; } }
`;
