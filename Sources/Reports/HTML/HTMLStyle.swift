/// The HTML report's one stylesheet: light and dark schemes, severity colours, the graph, print.
///
/// System fonts only (no font file, nothing fetched); colours are CSS variables so the dark scheme
/// and print swap them in one place, for the inline SVG as well as the page.
enum HTMLStyle {
    /// The contents of the report's `<style>` element.
    static let css = """
        :root{--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;\
        --link:#0969da;--critical:#b02a37;--high:#c4540a;--medium:#9a6700;--low:#087990;--info:#6e7781;--none:#8c959f;\
        --critical-bg:#fbe3e5;--high-bg:#fde9d9;--medium-bg:#fff3cd;--low-bg:#d7f3f9;--info-bg:#eaeef2;--none-bg:#f6f8fa;\
        --passed:#1a7f37;--passed-bg:#dafbe1;--failed:#b02a37;--failed-bg:#fbe3e5;--incomplete:#9a6700;--incomplete-bg:#fff3cd}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#151b23;\
        --link:#4493f8;--critical:#ff7b86;--high:#ffa657;--medium:#e3b341;--low:#56d4dd;--info:#9198a1;--none:#6e7681;\
        --critical-bg:#3c1519;--high-bg:#3b2210;--medium-bg:#362b0b;--low-bg:#0b2b31;--info-bg:#22272e;--none-bg:#161b22;\
        --passed:#3fb950;--passed-bg:#0f2d1a;--failed:#ff7b86;--failed-bg:#3c1519;--incomplete:#e3b341;--incomplete-bg:#362b0b}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        a{color:var(--link)}
        code{font:0.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
        .wrap,main,nav{max-width:1180px;margin:0 auto;padding:0 24px}
        .banner{border-bottom:4px solid var(--line);padding:20px 0 16px}
        .banner.passed{background:var(--passed-bg);border-color:var(--passed)}
        .banner.failed{background:var(--failed-bg);border-color:var(--failed)}
        .banner.incomplete{background:var(--incomplete-bg);border-color:var(--incomplete)}
        .kicker{margin:0;color:var(--muted);font-size:13px;letter-spacing:.04em;text-transform:uppercase}
        h1{margin:4px 0 6px;font-size:28px;line-height:1.25;overflow-wrap:anywhere}
        .verdict{display:inline-block;padding:0 10px;border-radius:6px;color:#fff;margin-right:6px}
        .passed .verdict{background:var(--passed)}.failed .verdict{background:var(--failed)}.incomplete .verdict{background:var(--incomplete)}
        @media (prefers-color-scheme:dark){.verdict{color:#0d1117}}
        .why{margin:0 0 12px;font-size:17px}
        .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:6px 24px;margin:0}
        .facts div{min-width:0}.facts dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
        .facts dd{margin:0;overflow-wrap:anywhere}
        nav{margin-top:12px;font-size:14px}nav a{margin-right:14px}
        section{margin:28px 0}
        h2{font-size:21px;border-bottom:1px solid var(--line);padding-bottom:4px;margin:0 0 12px}
        h3{font-size:17px;margin:20px 0 8px}h4{font-size:15px;margin:0 0 6px;overflow-wrap:anywhere}h5{font-size:14px;margin:8px 0 2px}
        .count{display:inline-block;min-width:1.6em;padding:0 6px;border-radius:10px;background:var(--panel);border:1px solid var(--line);font-size:.8em;font-weight:600;text-align:center}
        .lead{font-size:16px}.muted{color:var(--muted)}.num{text-align:right;white-space:nowrap}
        .note{color:var(--muted);font-size:14px}.cut{border-left:4px solid var(--incomplete);padding:4px 10px;background:var(--incomplete-bg);color:var(--fg)}
        .badge{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;font-weight:600;line-height:18px;border:1px solid}
        .badge.new{color:var(--link);border-color:var(--link)}
        .sev-critical{--c:var(--critical);--cb:var(--critical-bg)}.sev-high{--c:var(--high);--cb:var(--high-bg)}
        .sev-medium{--c:var(--medium);--cb:var(--medium-bg)}.sev-low{--c:var(--low);--cb:var(--low-bg)}
        .sev-info{--c:var(--info);--cb:var(--info-bg)}.sev-none{--c:var(--none);--cb:var(--none-bg)}
        .badge[class*=sev-]{color:var(--c);background:var(--cb);border-color:var(--c)}
        .bars{border-collapse:collapse;width:100%;max-width:760px}.bars th{text-align:left;width:90px;padding:3px 0}
        .bars td{padding:3px 8px}.bar{width:100%}.fill{display:block;height:16px;border-radius:3px;background:var(--c);min-width:0}
        .totals{margin:6px 0 0}
        table.grid,table.kv{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:14px}
        .grid th,.grid td,.kv th,.kv td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
        .scroll{overflow-x:auto;max-width:100%}
        .grid thead th,.kv thead th{background:var(--panel)}.kv tbody th{width:22%;font-weight:600}
        caption{text-align:left;font-weight:600;padding:4px 0}
        details{margin:6px 0}summary{cursor:pointer}
        details.finding{border:1px solid var(--line);border-left:5px solid var(--c);border-radius:6px;background:var(--bg)}
        details.finding>summary{padding:6px 10px;overflow-wrap:anywhere}details.finding[open]>summary{border-bottom:1px solid var(--line);background:var(--panel)}
        .body{padding:4px 12px 8px}.message{margin:6px 0;font-weight:600;overflow-wrap:anywhere}
        .meta{font-size:13px;color:var(--muted);margin:4px 0 0}.fingerprint,.hash{font-size:12px}
        .rule{margin:12px 0 18px}.about,.fix{font-size:14px}.about p,.fix p{margin:4px 0}.fix ol,.fix ul{margin:2px 0 8px}
        .fix{border-left:3px solid var(--passed);padding:2px 12px;margin:6px 0 10px;background:var(--panel)}
        .sev-heading{border-left:6px solid var(--c);padding-left:8px}
        details.step{border:1px solid var(--line);border-radius:6px}details.step>summary{padding:6px 10px}
        figure.graph{margin:0;overflow-x:auto}figure.graph svg{display:block;max-width:100%;height:auto}
        figcaption{font-size:13px;color:var(--muted);margin-top:6px}
        .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin:0 3px 0 6px;background:var(--cb);border:1px solid var(--c)}
        svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--fg)}svg .col{font-weight:600;fill:var(--muted)}
        svg .node rect{fill:var(--cb);stroke:var(--c);stroke-width:1.5}
        svg .role,svg .tool{--c:var(--muted);--cb:var(--panel)}svg .role.admin{--c:var(--critical);--cb:var(--critical-bg)}
        svg .role.admin text{font-weight:700}svg .inactive rect{stroke-dasharray:4 3;opacity:.75}
        svg .edges path{fill:none;stroke:var(--muted);stroke-opacity:.55;stroke-width:1.2}svg .edges .to-tool{stroke-dasharray:5 4;stroke-opacity:.35}
        footer{color:var(--muted);font-size:13px;border-top:1px solid var(--line);margin-top:36px;padding:12px 0 32px}
        @media print{:root{--bg:#fff;--fg:#000;--panel:#f3f3f3;--line:#bbb;--muted:#444}nav,.noprint{display:none}
        body{font-size:10pt}.banner{padding:8px 0}.wrap,main{max-width:none;padding:0}section{break-inside:auto}
        details.finding,tr,.step{break-inside:avoid}h2,h3,h4{break-after:avoid}a{color:inherit}
        figure.graph svg{max-width:100%}.fill{border:1px solid var(--c)}}
        """
}
