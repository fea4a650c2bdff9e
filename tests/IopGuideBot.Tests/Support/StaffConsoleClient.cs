using System.Net;
using System.Text.RegularExpressions;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// A browser-like client of the staff console over real HTTP: its own cookie jar, no automatic redirects (tests see
/// each 302), and forms posted with the antiforgery token the page carried.
/// </summary>
public sealed partial class StaffConsoleClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    public StaffConsoleClient(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    public static async Task<StaffConsoleClient> SignedInAsync(Uri baseAddress, string username, string password)
    {
        var client = new StaffConsoleClient(baseAddress);
        var response = await client.SignInAsync(username, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {username}: {(int)response.StatusCode}");
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string username, string password) =>
        await PostFormAsync("/staff/login", "/staff/login", new() { ["username"] = username, ["password"] = password });

    public Task<HttpResponseMessage> GetAsync(string path, bool background = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (background)
        {
            request.Headers.Add("X-Staff-Background", "1");
        }

        return Http.SendAsync(request);
    }

    public async Task<string> GetPageAsync(string path)
    {
        var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return body;
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts the form to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await (await GetAsync(formPage)).Content.ReadAsStringAsync();
        return await PostWithTokenAsync(action, TokenIn(page), fields);
    }

    public Task<HttpResponseMessage> PostWithTokenAsync(string action, string? token, Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields);
        if (token is not null)
        {
            all["__af"] = token;
        }

        return Http.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static string? TokenIn(string html) => AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string? VersionIn(string html) => VersionField().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}

/// <summary>A clock the test moves by hand (the service reads time only through <see cref="TimeProvider"/>).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => Now;
}
