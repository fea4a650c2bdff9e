using System.Net;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace IopGuideBot.BrowserTests.Support;

/// <summary>
/// Everything a browser test needs, started once for the test collection: the real service on a loopback port, a plain
/// "clinic website" on another origin that pastes the embed snippet, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class ChatSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _hostSite;
    private IPlaywright? _playwright;

    public BotService Service { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The service's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string ChatOrigin { get; private set; } = "";

    /// <summary>The clinic's own web site (another origin), whose page carries the embed snippet.</summary>
    public string HostPageUrl { get; private set; } = "";

    public ClinicContent Content => Service.Services.GetRequiredService<ClinicContent>();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return; // each test then skips, or fails under CI, through BrowserEnvironment.RequireChromium
        }

        // The host site first: its origin must be allowed to frame the chat before the service starts.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _hostSite = builder.Build();
        _hostSite.MapGet("/clinic.html", (HttpContext http) => Results.Content(HostPage(http.Request.Query["chat"].ToString()), "text/html; charset=utf-8"));
        await _hostSite.StartAsync();
        var hostOrigin = Address(_hostSite.Services);

        Service = new BotService(new Dictionary<string, string?>
        {
            ["DirectLine:AllowedOrigins:0"] = hostOrigin,
            ["DirectLine:TokensPerMinutePerClient"] = "1000", // every page in these tests comes from one address
        });
        ChatOrigin = Service.BaseAddress.GetLeftPart(UriPartial.Authority);
        HostPageUrl = $"{hostOrigin}/clinic.html?chat={Uri.EscapeDataString(ChatOrigin)}";

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (_hostSite is not null)
        {
            await _hostSite.StopAsync();
            await _hostSite.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own sessionStorage) with a page that records the Direct Line traffic.</summary>
    public async Task<ChatPage> OpenAsync(string path = "/")
    {
        BrowserEnvironment.RequireChromium();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 900 } });
        var page = await context.NewPageAsync();
        var chat = new ChatPage(this, context, page);
        await chat.GotoAsync(path.StartsWith("http", StringComparison.Ordinal) ? path : ChatOrigin + path);
        return chat;
    }

    private static string HostPage(string chatOrigin) => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Riverside clinic home</title></head>
        <body>
          <main>
            <h1>Welcome to our clinic</h1>
            <p>This is the clinic's own web site; the chat comes from the snippet below.</p>
          </main>
          <script src="{{WebUtility.HtmlEncode(chatOrigin)}}/embed.js" async></script>
        </body>
        </html>
        """;

    private static string Address(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
}

[CollectionDefinition(Name)]
public sealed class ChatSiteCollection : ICollectionFixture<ChatSite>
{
    public const string Name = "chat site";
}

/// <summary>
/// Where Chromium comes from (Debian's package, installed by scripts/prerequisites.sh as root). Without it a browser
/// test is skipped on a developer's machine and fails under CI=true, where every test must run.
/// </summary>
public static class BrowserEnvironment
{
    public static void RequireChromium()
    {
        if (File.Exists(ChatSite.ChromiumPath))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"CI=true but {ChatSite.ChromiumPath} is missing: the browser tests must run in CI (scripts/prerequisites.sh installs Chromium as root).");
        }

        Skip.If(true, $"{ChatSite.ChromiumPath} not found; browser tests skipped locally (run `bash scripts/test.sh` as root, or `apt-get install chromium`).");
    }

    /// <summary>Where screenshots go: scripts/test.sh's results folder when it runs the tests, else TestResults/browser.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("IOPGUIDEBOT_TEST_ARTIFACTS");
            if (string.IsNullOrEmpty(folder))
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IopGuideBot.sln")))
                {
                    dir = dir.Parent;
                }

                folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults", "browser");
            }

            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
