using IopGuideBot.BrowserTests.Support;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IopGuideBot.BrowserTests;

/// <summary>
/// The console says a minute ahead that an idle session will end, and one click keeps it (WCAG 2.2.1). A service of its
/// own with a 65-second idle limit, so the warning comes after five seconds.
/// </summary>
[Collection(ChatSiteCollection.Name)]
public sealed class SessionWarningTests(ChatSite site)
{
    private const string Password = "session warning passphrase";

    [SkippableFact]
    public async Task The_idle_warning_appears_before_the_session_ends_and_staying_signed_in_keeps_the_session()
    {
        BrowserEnvironment.RequireChromium();
        await using var service = new BotService(new Dictionary<string, string?> { ["StaffConsole:IdleTimeout"] = "00:01:05" });
        await service.Services.GetRequiredService<IStaffStore>().CreateAsync("rio", "Rio Vance", Password);
        var origin = service.BaseAddress.GetLeftPart(UriPartial.Authority);
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };

        await page.GotoAsync(origin + "/staff/login");
        await page.FillAsync("#username", "rio");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.login button[type=submit]");
        // As in StaffConsoleTests: the parsed document, and time enough for a first render on a busy machine.
        await page.WaitForURLAsync(origin + "/staff", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
        var signedInAt = DateTime.UtcNow;

        var warning = page.Locator("#session-warning");
        Assert.False(await warning.IsVisibleAsync());
        await warning.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        Assert.Equal("alert", await warning.GetAttributeAsync("role"));
        await page.ClickAsync("#stay-signed-in");
        await warning.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 10_000 });

        // Past the moment the session would have ended without the click, it is still there.
        var originalEnd = signedInAt + TimeSpan.FromSeconds(66);
        if (originalEnd > DateTime.UtcNow)
        {
            await Task.Delay(originalEnd - DateTime.UtcNow);
        }

        await page.GotoAsync(origin + "/staff");
        Assert.Equal(origin + "/staff", page.Url);
        Assert.Empty(problems);
    }
}
