using System.Text;
using System.Text.Encodings.Web;
using Clusterdeck.Authentication;

namespace Clusterdeck.Http;

/// <summary>The server-rendered login form and the signed-in landing page. Self-contained: no scripts, no external assets.</summary>
internal static class LoginPage
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
        main{background:#fff;padding:2rem 2.5rem;border-radius:.5rem;box-shadow:0 1px 4px rgba(0,0,0,.15);width:20rem}
        h1{font-size:1.4rem;margin:0 0 1.2rem}label{display:block;margin:.8rem 0 .3rem;font-size:.9rem}
        input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #bbb;border-radius:.3rem}
        button{margin-top:1.2rem;width:100%;padding:.6rem;border:0;border-radius:.3rem;background:#1d4ed8;color:#fff;font-size:1rem;cursor:pointer}
        .error{background:#fee2e2;color:#991b1b;padding:.6rem;border-radius:.3rem;font-size:.9rem}
        nav a{display:block;margin:.4rem 0}
        """;

    public static string RenderLogin(string? error, string? username, string? redirect)
    {
        var html = Begin("Log in to Clusterdeck");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/login\">")
            .Append("<label for=\"username\">Username</label>")
            .Append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus value=\"").Append(Encode(username)).Append("\">")
            .Append("<label for=\"password\">Password</label>")
            .Append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>");
        if (!string.IsNullOrEmpty(redirect))
        {
            html.Append("<input type=\"hidden\" name=\"redirect\" value=\"").Append(Encode(redirect)).Append("\">");
        }

        html.Append("<button type=\"submit\">Log in</button></form>");
        return End(html);
    }

    public static string RenderSignedIn(string username, IEnumerable<string> roles, string csrfToken)
    {
        var html = Begin("Clusterdeck");
        html.Append("<p>Signed in as <strong>").Append(Encode(username)).Append("</strong> (")
            .Append(Encode(string.Join(", ", roles))).Append(").</p>")
            .Append("<nav><a href=\"/docs\">API reference</a><a href=\"/readyz\">Readiness</a></nav>")
            .Append("<form method=\"post\" action=\"/logout\">")
            .Append("<input type=\"hidden\" name=\"").Append(AuthSchemes.CsrfFormField).Append("\" value=\"").Append(Encode(csrfToken)).Append("\">")
            .Append("<button type=\"submit\">Log out</button></form>");
        return End(html);
    }

    private static StringBuilder Begin(string title) =>
        new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(Encode(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body><main><h1>").Append(Encode(title)).Append("</h1>");

    private static string End(StringBuilder html) => html.Append("</main></body></html>").ToString();

    private static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);
}
