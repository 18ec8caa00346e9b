// A correct solution to learnyounode's HTTP JSON API SERVER, for the side-by-side benchmark (src/bench/run.ts).
const http = require("node:http");
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const d = new Date(url.searchParams.get("iso"));
  let body;
  if (url.pathname === "/api/parsetime") body = { hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
  else if (url.pathname === "/api/unixtime") body = { unixtime: d.getTime() };
  if (!body) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
});
server.listen(Number(process.argv[2]));
