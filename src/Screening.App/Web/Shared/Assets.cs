namespace Screening.App.Web.Shared;

/// <summary>The worklist's only stylesheet and script, embedded (no CDN, no npm, works offline).</summary>
public static class Assets
{
    public const string Css = """
        :root { --ink:#1d2733; --muted:#5b6b7b; --line:#d8dee6; --bg:#f6f8fa; --accent:#1f6feb; --high:#b42318; --normal:#8a6100; --low:#2f6f3e; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
        header { display:flex; gap:1.5rem; align-items:center; padding:.6rem 1.2rem; background:#0d2a4a; color:#fff; }
        header a { color:#fff; text-decoration:none; } header nav a { margin-right:1rem; opacity:.9; }
        .brand { font-weight:700; letter-spacing:.02em; } .who { margin-left:auto; font-size:.9em; opacity:.9; }
        main { padding:1rem 1.4rem; max-width:1280px; }
        h1 { font-size:1.35rem; margin:.3rem 0 .8rem; } h2 { font-size:1.1rem; margin:1.4rem 0 .5rem; }
        table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
        th, td { text-align:left; padding:.35rem .55rem; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#eef2f6; font-weight:600; font-size:.9em; } tr:hover td { background:#f9fbfd; }
        a { color:var(--accent); } .muted { color:var(--muted); } .inline { display:inline; }
        button, .button { font:inherit; padding:.3rem .8rem; border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:4px; cursor:pointer; text-decoration:none; }
        button.link { background:none; border:none; color:inherit; text-decoration:underline; padding:0; }
        button.secondary { background:#fff; color:var(--accent); }
        input, select, textarea { font:inherit; padding:.25rem .4rem; border:1px solid var(--line); border-radius:4px; background:#fff; }
        form.filters { display:flex; flex-wrap:wrap; gap:.6rem; align-items:end; margin:.6rem 0 1rem; }
        form.filters label, form.stack label { display:flex; flex-direction:column; font-size:.85em; color:var(--muted); }
        form.stack { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin:.4rem 0; }
        .counts { display:flex; gap:.8rem; flex-wrap:wrap; margin:.4rem 0; }
        .count { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.4rem .8rem; min-width:7rem; }
        .count b { display:block; font-size:1.3rem; }
        .pill { display:inline-block; padding:0 .45rem; border-radius:9px; font-size:.85em; border:1px solid var(--line); background:#fff; }
        .p-urgent, .p-high { color:var(--high); border-color:var(--high); } .p-normal { color:var(--normal); border-color:var(--normal); } .p-low { color:var(--low); border-color:var(--low); }
        .card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.8rem 1rem; margin:.8rem 0; }
        .grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(340px, 1fr)); gap:1rem; align-items:start; }
        .facts { display:flex; gap:2rem; flex-wrap:wrap; } .facts div span { display:block; font-size:.8em; color:var(--muted); }
        details.action { display:inline-block; margin:.2rem .4rem .2rem 0; vertical-align:top; }
        details.action summary { cursor:pointer; color:var(--accent); }
        .flash { background:#fff4d6; border:1px solid #e5c36b; padding:.5rem .8rem; border-radius:4px; }
        .error { background:#fde8e8; border:1px solid #e5a0a0; padding:.5rem .8rem; border-radius:4px; }
        svg { max-width:100%; height:auto; background:#fff; } .pager { margin:.8rem 0; display:flex; gap:1rem; }
        """;

    public const string Js = """
        // Filters apply as soon as a select changes; everything also works without this script.
        document.addEventListener('change', e => {
          const el = e.target;
          if (el instanceof HTMLSelectElement && el.form && el.form.classList.contains('filters')) el.form.requestSubmit();
        });
        """;

    public static void MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/app.css", () => Results.Text(Css, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/assets/app.js", () => Results.Text(Js, "text/javascript; charset=utf-8")).AllowAnonymous();
    }
}
