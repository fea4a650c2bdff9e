using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IopGuideBot.BrowserTests.Support;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IopGuideBot.BrowserTests;

/// <summary>
/// The staff console in Chromium, with the real bot behind the website chat: a person's crisis message puts an urgent
/// handoff at the top of the queue, which updates without a reload; a specialist signs in, opens it, sees the
/// conversation (growing live) and claims it. axe checks the queue and the handoff page.
/// </summary>
[Collection(ChatSiteCollection.Name)]
public sealed class StaffConsoleTests(ChatSite site, ITestOutputHelper output)
{
    private const string Password = "browser test passphrase 3";

    [SkippableFact]
    public async Task A_specialist_sees_a_new_urgent_handoff_at_the_top_opens_it_live_and_claims_it_and_axe_finds_nothing_serious()
    {
        BrowserEnvironment.RequireChromium();
        var handoffs = site.Service.Services.GetRequiredService<IHandoffStore>();
        var username = "spec" + Guid.NewGuid().ToString("N")[..8];
        var specialist = await site.Service.Services.GetRequiredService<IStaffStore>().CreateAsync(username, "Jordan Ellis", Password);

        // Earlier tests in this collection may have left handoffs open; this one is about a fresh queue.
        foreach (var open in await handoffs.ListOpenAsync())
        {
            await handoffs.TryCloseAsync(open.Id, open.Version);
        }

        // The specialist signs in first and watches the queue.
        await using var console = await site.OpenAsync("/staff");
        Assert.EndsWith("/staff/login?ReturnUrl=%2Fstaff", console.Page.Url, StringComparison.Ordinal);
        await console.Page.FillAsync("#username", username);
        await console.Page.FillAsync("#password", Password);
        await console.Page.ClickAsync("form.login button[type=submit]");
        await console.Page.WaitForURLAsync(site.ChatOrigin + "/staff", UntilTheDocumentIsParsed);
        await WebChatView.WaitUntilAsync(async () => await console.Page.Locator("#queue-rows tr.empty").CountAsync() == 1, "an empty queue");

        // A person on the website says something that worries the bot.
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == "welcome", "the welcome");
        const string Crisis = "honestly I don't want to be alive anymore";
        await view.SendBox.FillAsync(Crisis);
        await view.SendBox.PressAsync("Enter");
        var answer = await chat.WaitForAnswerToAsync(Crisis);
        var conversationId = answer["conversation"]!.Value<string>("id")!;
        var handoff = await handoffs.GetByConversationAsync(conversationId);
        Assert.NotNull(handoff);
        Assert.Equal(HandoffUrgency.Urgent, handoff.Urgency);

        // It arrives at the top of the queue without a reload, marked as new.
        var top = console.Page.Locator("#queue-rows tr").First;
        await WebChatView.WaitUntilAsync(async () => await top.GetAttributeAsync("data-id") == handoff.Id, "the handoff at the top of the queue, live");
        Assert.Equal("urgent", await top.GetAttributeAsync("data-urgency"));
        await WebChatView.WaitUntilAsync(async () => (await top.GetAttributeAsync("class") ?? "").Contains("new-urgent", StringComparison.Ordinal), "the new-urgent cue");
        Assert.False(string.IsNullOrWhiteSpace(await console.Page.Locator("#queue-announcer").InnerTextAsync()));
        await Axe(console.Page, "queue");
        output.WriteLine("screenshot: " + await console.ScreenshotAsync("staff-queue"));

        // Opening it shows the summary and the conversation.
        await top.Locator("a").ClickAsync();
        await console.Page.WaitForURLAsync(site.ChatOrigin + "/staff/handoffs/" + handoff.Id, UntilTheDocumentIsParsed);
        Assert.Contains("crisis:", await console.Page.Locator(".summary .flags").InnerTextAsync(), StringComparison.Ordinal);
        await WebChatView.WaitUntilAsync(async () => await console.Page.Locator("#transcript li.person").Filter(new() { HasText = Crisis }).CountAsync() == 1, "the person's message in the transcript");

        // What the person writes next appears while the specialist watches.
        const string Next = "I'm at home, my sister is here";
        await view.SendBox.FillAsync(Next);
        await view.SendBox.PressAsync("Enter");
        await chat.WaitForAnswerToAsync(Next);
        await WebChatView.WaitUntilAsync(async () => await console.Page.Locator("#transcript li.person").Filter(new() { HasText = Next }).CountAsync() == 1, "the next message, live");
        await Axe(console.Page, "handoff");

        await console.Page.ClickAsync("#claim");
        await WebChatView.WaitUntilAsync(async () => await console.Page.Locator("#action-result").CountAsync() == 1, "the claim's result");
        Assert.Equal(specialist.Id, (await handoffs.GetAsync(handoff.Id))!.ClaimedBy);
        Assert.Equal("Jordan Ellis", (await console.Page.Locator("#claimed-by").InnerTextAsync()).Trim());
        output.WriteLine("screenshot: " + await console.ScreenshotAsync("staff-handoff-claimed"));
        Assert.True(console.Problems.Count == 0, string.Join("\n", console.Problems));
    }

    // The console pages keep a live-update stream open, and the "load" event a navigation waits for by default came too
    // late in one CI run; the steps after each navigation wait for the elements they read. With every test project
    // running at once on two cores, the first render of a console page once took over 30 s as well (CI now runs the
    // projects one after another), so a navigation may take up to 90 s: this test is about behaviour, not speed.
    private static readonly PageWaitForURLOptions UntilTheDocumentIsParsed = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 };

    private async Task Axe(IPage page, string name)
    {
        // The live-update stream never finishes loading; axe waits for the page to settle, so end it first.
        await page.EvaluateAsync("() => window.stop()");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{name}: {violation.Impact} {violation.Id}: {violation.Help} ({string.Join("; ", violation.Nodes.Select(n => n.Html))})");
        }

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, name + ": " + string.Join("\n", serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}")));
    }
}
