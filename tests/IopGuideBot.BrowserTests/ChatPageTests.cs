using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IopGuideBot.BrowserTests.Support;
using IopGuideBot.Conversation.Content;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace IopGuideBot.BrowserTests;

/// <summary>
/// The clinic's chat page in Chromium: Microsoft's Web Chat 4.18 on the service's own Direct Line endpoint, with the
/// real bot behind it. What the bot sent is identified by content id on the wire; what the person sees is checked in the
/// page. Screenshots go to the test artifacts folder.
/// </summary>
[Collection(ChatSiteCollection.Name)]
public sealed class ChatPageTests(ChatSite site, ITestOutputHelper output)
{
    private const string WelcomeId = "welcome";

    [SkippableFact]
    public async Task The_page_loads_with_the_crisis_line_and_the_welcome_and_its_suggested_actions_show()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));

        var welcome = await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        await WebChatView.WaitUntilAsync(async () => await view.BotBubbles.CountAsync() >= 1, "the welcome bubble");
        var buttons = ((JArray)welcome["suggestedActions"]!["actions"]!).Count;
        await WebChatView.WaitUntilAsync(async () => await view.SuggestedActions.CountAsync() == buttons, "the welcome's suggested actions");

        foreach (var link in site.Content.Section<WebsiteContent>().CrisisLinks)
        {
            Assert.True(await chat.Page.Locator($".crisis a[href='{link.Href}']").IsVisibleAsync(), $"crisis link {link.Href} visible");
        }

        Assert.Equal(site.Content.Render(site.Content.Section<WebsiteContent>()["page_title"]), await chat.Page.TitleAsync());
        output.WriteLine("screenshot: " + await chat.ScreenshotAsync("chat-page-welcome"));
        Assert.True(chat.Problems.Count == 0, string.Join("\n", chat.Problems));
    }

    [SkippableFact]
    public async Task A_suggested_action_and_a_typed_question_are_answered_and_no_message_fails_to_send()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        await WebChatView.WaitUntilAsync(async () => await view.SuggestedActions.CountAsync() > 0, "suggested actions");

        var label = (await view.SuggestedActions.First.InnerTextAsync()).Trim();
        await view.SuggestedActions.First.ClickAsync();
        var buttonAnswer = await chat.WaitForAnswerToAsync(label);
        await WebChatView.WaitUntilAsync(async () => await view.BotBubbles.CountAsync() >= 2, "the answer bubble");

        const string Question = "How many hours a week is the program?";
        await view.SendBox.FillAsync(Question);
        await view.SendBox.PressAsync("Enter");
        var typedAnswer = await chat.WaitForAnswerToAsync(Question);
        await WebChatView.WaitUntilAsync(async () => await view.BotBubbles.CountAsync() >= 3, "the second answer bubble");

        Assert.NotNull(ChatPage.ContentIdOf(buttonAnswer));
        Assert.NotNull(ChatPage.ContentIdOf(typedAnswer));
        Assert.Equal(2, await view.UserBubbles.CountAsync());
        // Both sends were acknowledged (id returned and echo seen): nothing is still "sending" or offers "retry".
        await WebChatView.WaitUntilAsync(async () => await view.SendingOrFailed.CountAsync() == 0, "every message to show as sent");
        await chat.ScreenshotAsync("chat-page-answers");
        Assert.True(chat.Problems.Count == 0, string.Join("\n", chat.Problems));
    }

    [SkippableFact]
    public async Task The_bot_shows_a_typing_indicator_while_it_works()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");

        await view.SendBox.FillAsync("What is an IOP?");
        await view.SendBox.PressAsync("Enter");
        var echo = await chat.WaitForActivityAsync(a => a.Value<string>("text") == "What is an IOP?", "the echo");

        var typing = await chat.WaitForActivityAsync(a => a.Value<string>("type") == "typing" && a.Value<string>("replyToId") == echo.Value<string>("id"), "a typing indicator");
        Assert.Equal("bot", typing["from"]!.Value<string>("role"));
        await chat.WaitForAnswerToAsync("What is an IOP?");
    }

    [SkippableFact]
    public async Task Markdown_from_the_bot_is_rendered_and_html_typed_by_the_user_is_not_run()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        var compare = site.Content.Topics["compare-care"].Label.Value;

        await view.SendBox.FillAsync(compare);
        await view.SendBox.PressAsync("Enter");
        var answer = await chat.WaitForAnswerToAsync(compare);
        const string Hostile = "<img src=x onerror=\"window.__injected=1\"><script>window.__injected=2</script> **hello**";
        await view.SendBox.FillAsync(Hostile);
        await view.SendBox.PressAsync("Enter");
        await chat.WaitForAnswerToAsync(Hostile);

        Assert.Equal("topic:compare-care", ChatPage.ContentIdOf(answer));
        await WebChatView.WaitUntilAsync(async () => await view.Transcript.Locator("table").CountAsync() > 0, "the comparison table rendered from Markdown");
        Assert.Equal(0, await view.Transcript.Locator("img[src='x'], script").CountAsync());
        Assert.True(await chat.Page.EvaluateAsync<bool>("() => window.__injected === undefined"));
        await chat.ScreenshotAsync("chat-page-markdown");
    }

    [SkippableFact]
    public async Task A_refresh_keeps_the_conversation_and_its_history_and_storage_holds_no_message_text()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        const string Question = "Can my family take part?";
        await view.SendBox.FillAsync(Question);
        await view.SendBox.PressAsync("Enter");
        await chat.WaitForAnswerToAsync(Question);
        await WebChatView.WaitUntilAsync(async () => await view.BotBubbles.CountAsync() >= 2, "the answer bubble");
        var before = await view.BotBubbles.CountAsync();
        var conversationBefore = await StoredConversationAsync(chat);

        await chat.Page.ReloadAsync();

        await WebChatView.WaitUntilAsync(async () => await view.BotBubbles.CountAsync() >= before && await view.UserBubbles.CountAsync() >= 1, "the history to replay");
        Assert.Equal(before, await view.BotBubbles.CountAsync()); // the welcome is not repeated on reconnect
        Assert.Equal(conversationBefore, await StoredConversationAsync(chat));
        var stored = await chat.Page.EvaluateAsync<string>("() => JSON.stringify(Object.assign({}, sessionStorage))");
        Assert.DoesNotContain("family", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("[]", await chat.Page.EvaluateAsync<string>("() => JSON.stringify(Object.keys(localStorage))"));
        await chat.ScreenshotAsync("chat-page-after-refresh");
    }

    [SkippableFact]
    public async Task End_chat_forgets_the_conversation_and_a_new_chat_starts_fresh()
    {
        await using var chat = await site.OpenAsync();
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        var first = await StoredConversationAsync(chat);

        await chat.Page.ClickAsync("#end-chat");

        Assert.Equal("{}", await chat.Page.EvaluateAsync<string>("() => JSON.stringify(Object.assign({}, sessionStorage))"));
        Assert.True(await chat.Page.Locator("#chat-status").IsVisibleAsync());
        Assert.Equal("new-chat", await chat.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await chat.ScreenshotAsync("chat-page-ended");

        await chat.Page.ClickAsync("#new-chat");
        await WebChatView.WaitUntilAsync(async () => (await StoredConversationAsync(chat)) is { } id && id != first, "a new conversation");
    }

    [SkippableFact]
    public async Task Keyboard_alone_reaches_every_control_and_can_hold_a_conversation()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        await WebChatView.WaitUntilAsync(async () => await view.SuggestedActions.CountAsync() > 0, "suggested actions");

        var visited = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await chat.Page.Keyboard.PressAsync("Tab");
            visited.Add(await FocusedAsync(chat.Page));
        }

        output.WriteLine(string.Join("\n", visited.Distinct()));
        foreach (var link in site.Content.Section<WebsiteContent>().CrisisLinks)
        {
            Assert.Contains(visited, f => f.Contains("href=" + link.Href + " ", StringComparison.Ordinal));
        }

        var clinicPhone = "tel:" + string.Concat(site.Content.Clinic.Phone.Where(char.IsAsciiDigit));
        Assert.Contains(visited, f => f.Contains("href=" + clinicPhone + " ", StringComparison.Ordinal));
        Assert.Contains(visited, f => f.Contains("class=webchat__basic-transcript ", StringComparison.Ordinal));
        Assert.Contains(visited, f => f.Contains("webchat__suggested-action", StringComparison.Ordinal));
        Assert.Contains(visited, f => f.Contains("webchat-sendbox-input", StringComparison.Ordinal));
        Assert.Contains(visited, f => f.Contains("webchat__send-button", StringComparison.Ordinal));
        Assert.Contains(visited, f => f.Contains("id=end-chat", StringComparison.Ordinal));

        // A suggested action, reached and pressed from the keyboard.
        await TabUntilAsync(chat.Page, "webchat__suggested-action");
        var label = (await chat.Page.EvaluateAsync<string>("() => document.activeElement.innerText")).Trim();
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.WaitForAnswerToAsync(label);

        // A question typed and sent from the keyboard.
        await TabUntilAsync(chat.Page, "webchat-sendbox-input");
        await chat.Page.Keyboard.TypeAsync("Is it confidential?");
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.WaitForAnswerToAsync("Is it confidential?");
        await chat.ScreenshotAsync("chat-page-keyboard");
    }

    [SkippableFact]
    public async Task New_messages_are_announced_through_a_live_region()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        await chat.Page.Locator(".webchat__live-region-transcript").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("polite", await chat.Page.Locator(".webchat__live-region-transcript").GetAttributeAsync("aria-live"));
        await chat.Page.EvaluateAsync("""
            () => {
              window.__announced = [];
              const region = document.querySelector('.webchat__live-region-transcript');
              new MutationObserver(() => window.__announced.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
            }
            """);

        await view.SendBox.FillAsync("How long does the program last?");
        await view.SendBox.PressAsync("Enter");
        var answer = await chat.WaitForAnswerToAsync("How long does the program last?");

        var firstWords = string.Join(' ', answer.Value<string>("text")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        await WebChatView.WaitUntilAsync(
            async () => (await chat.Page.EvaluateAsync<string[]>("() => window.__announced")).Any(t => t.Contains(firstWords, StringComparison.Ordinal)),
            "the answer to be announced in the live region");
    }

    [SkippableFact]
    public async Task Axe_finds_no_serious_or_critical_accessibility_violations()
    {
        await using var chat = await site.OpenAsync();
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");
        await view.SendBox.FillAsync("What is an IOP?");
        await view.SendBox.PressAsync("Enter");
        await chat.WaitForAnswerToAsync("What is an IOP?");
        await WebChatView.WaitUntilAsync(async () => await view.BotBubbles.CountAsync() >= 2 && await view.SuggestedActions.CountAsync() > 0, "the answer and its actions");

        var result = await chat.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{violation.Impact} {violation.Id}: {violation.Help} ({string.Join("; ", violation.Nodes.Select(n => n.Html))})");
        }

        await chat.ScreenshotAsync("chat-page-axe");
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}")));
    }

    [SkippableFact]
    public async Task Polling_works_as_the_fallback_when_the_page_does_not_use_the_stream()
    {
        await using var chat = await site.OpenAsync("/?transport=polling");
        var view = new WebChatView(chat.Page.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome");

        await view.SendBox.FillAsync("What does it cost?");
        await view.SendBox.PressAsync("Enter");

        Assert.NotNull(ChatPage.ContentIdOf(await chat.WaitForAnswerToAsync("What does it cost?")));
        await WebChatView.WaitUntilAsync(async () => await view.SendingOrFailed.CountAsync() == 0 && await view.BotBubbles.CountAsync() >= 2, "the answer, sent");
        Assert.True(chat.Problems.Count == 0, string.Join("\n", chat.Problems));
    }

    [SkippableFact]
    public async Task The_embed_snippet_opens_the_chat_in_a_corner_widget_on_the_clinics_own_site()
    {
        await using var chat = await site.OpenAsync(site.HostPageUrl);
        var website = site.Content.Section<WebsiteContent>();
        var launcher = chat.Page.GetByRole(AriaRole.Button, new() { Name = site.Content.Render(website["open_chat"]) });

        await launcher.ClickAsync();
        var frame = chat.Page.FrameLocator("iframe");
        var view = new WebChatView(frame.Locator("body"));
        await chat.WaitForActivityAsync(a => ChatPage.ContentIdOf(a) == WelcomeId, "the welcome inside the widget");
        await WebChatView.WaitUntilAsync(async () => await view.SuggestedActions.CountAsync() > 0, "the widget's suggested actions");
        Assert.Equal("true", await launcher.GetAttributeAsync("aria-expanded"));
        Assert.True(await frame.Locator(".crisis a").First.IsVisibleAsync());

        var label = (await view.SuggestedActions.First.InnerTextAsync()).Trim();
        await view.SuggestedActions.First.ClickAsync();
        await chat.WaitForAnswerToAsync(label);
        await chat.ScreenshotAsync("embed-widget-open");

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = site.Content.Render(website["close_chat"]) }).ClickAsync();
        Assert.Equal("false", await launcher.GetAttributeAsync("aria-expanded"));
        Assert.False(await chat.Page.Locator("iframe").IsVisibleAsync());
        Assert.Equal("launcher", await chat.Page.EvaluateAsync<string>("() => document.activeElement.dataset.iopguidebot"));
    }

    private static Task<string?> StoredConversationAsync(ChatPage chat) =>
        chat.Page.EvaluateAsync<string?>("() => { const s = JSON.parse(sessionStorage.getItem('iopguidebot.chat') || 'null'); return s && s.conversationId; }");

    /// <summary>A short description of the focused element (walking into Web Chat's shadow-free DOM).</summary>
    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          if (!e) return '(none)';
          return [e.tagName.toLowerCase(), 'id=' + e.id, 'class=' + (e.className || ''), 'href=' + (e.getAttribute('href') || ''),
                  'data-id=' + (e.getAttribute('data-id') || '')].join(' ');
        }
        """);

    private static async Task TabUntilAsync(IPage page, string marker)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if ((await FocusedAsync(page)).Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {marker}.");
    }
}
