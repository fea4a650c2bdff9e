using System.Net;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IopGuideBot.Tests.StaffConsole;

/// <summary>The staff console over real HTTP: who may see and do what, sessions, forms, claims, audit, transcripts.</summary>
public sealed class StaffConsoleTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private static readonly string[] XssCorpus =
    [
        "<img src=x onerror=\"window.__x=1\">",
        "<svg onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<div style=\"position:fixed\"><form action=\"https://evil.example\"><input name=pw></form></div>",
        "[click](javascript:alert(1))",
        "&#106;avascript:alert(1)",
        "<math><style><img src=x onerror=alert(1)></style></math>",
        "<script>window.__x=2</script>",
    ];

    private Uri Base => fixture.Service.BaseAddress;

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    [Fact]
    public async Task Anonymous_requests_never_see_data_and_are_sent_to_sign_in_specialists_cannot_administer_admins_can()
    {
        var handoff = await fixture.NewHandoffAsync(HandoffUrgency.Urgent);
        var id = handoff.Id;
        string[] staffPages =
        [
            "/staff", "/staff?handler=Rows", $"/staff/handoffs/{id}", $"/staff/handoffs/{id}?handler=Lines&after=0",
            $"/staff/handoffs/{id}?handler=Download", $"/staff/handoffs/{id}/print",
        ];
        string[] adminPages = ["/staff/admin/staff", "/staff/admin/audit", "/staff/admin/insights"];
        string[] staffActions = ["Claim", "Note", "Callback", "Close", "Join", "Send", "Return"];
        string[] adminActions = ["Add", "Disable", "Enable"];

        using var anonymous = new StaffConsoleClient(Base);
        using var specialist = await fixture.SignInAsync("sam");
        using var admin = await fixture.SignInAsync("ada");
        var anonymousToken = StaffConsoleClient.TokenIn(await (await anonymous.GetAsync("/staff/login")).Content.ReadAsStringAsync());
        foreach (var path in staffPages.Concat(adminPages).Append("/staff/events").Append($"/staff/handoffs/{id}/events"))
        {
            var response = await anonymous.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"anonymous GET {path}: {(int)response.StatusCode}");
            Assert.StartsWith("/staff/login", PathOf(response), StringComparison.Ordinal);
            Assert.DoesNotContain("5552013344", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, background: true)).StatusCode);
        }

        foreach (var action in staffActions)
        {
            var response = await anonymous.PostWithTokenAsync($"/staff/handoffs/{id}?handler={action}", anonymousToken,
                new() { ["version"] = handoff.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "x", ["text"] = "x", ["when"] = "x", ["outcome"] = "Reached" });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"anonymous POST {action}: {(int)response.StatusCode}");
            Assert.StartsWith("/staff/login", PathOf(response), StringComparison.Ordinal);
        }

        foreach (var action in adminActions)
        {
            var form = new Dictionary<string, string> { ["username"] = "intruder", ["displayName"] = "I", ["role"] = "admin", ["password"] = ConsoleFixture.Password, ["id"] = fixture.OtherSpecialist.Id };
            var asAnonymous = await anonymous.PostWithTokenAsync($"/staff/admin/staff?handler={action}", anonymousToken, form);
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
            var asSpecialist = await specialist.PostFormAsync("/staff", $"/staff/admin/staff?handler={action}", form);
            Assert.True(asSpecialist.StatusCode == HttpStatusCode.Forbidden, $"specialist POST admin {action}: {(int)asSpecialist.StatusCode}");
        }

        Assert.Null(await fixture.Staff.FindByUsernameAsync("intruder"));
        Assert.False((await fixture.Staff.GetAsync(fixture.OtherSpecialist.Id))!.Disabled);

        foreach (var path in staffPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }

        foreach (var path in adminPages)
        {
            Assert.True((await specialist.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, $"specialist GET {path}");
            Assert.True((await admin.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"admin GET {path}");
        }

        // A guessed id shows nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync("/staff/handoffs/" + Guid.NewGuid().ToString("N"))).StatusCode);
        var denied = await fixture.Audit.ListAsync(new AuditQuery { Actor = fixture.Specialist.Id });
        Assert.Contains(denied, e => e.Action == "access.denied");
    }

    [Fact]
    public async Task Every_console_page_sends_a_strict_content_security_policy_and_no_store()
    {
        using var specialist = await fixture.SignInAsync("sam");
        var handoff = await fixture.NewHandoffAsync();
        foreach (var path in new[] { "/staff/login", "/staff", $"/staff/handoffs/{handoff.Id}" })
        {
            var response = await specialist.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch("<script>|<script [^>]*>[^<]|<style|style=\"", html); // no inline script or style to allow
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one()
    {
        await fixture.Staff.CreateAsync("lee", "Lee Park", ConsoleFixture.Password);
        using var client = new StaffConsoleClient(Base);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync("lee", "wrong password " + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync("lee", ConsoleFixture.Password)).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync("lee", ConsoleFixture.Password)).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("lee", ConsoleFixture.Password)).StatusCode);
        var lee = await fixture.Staff.FindByUsernameAsync("lee");
        var signIns = await fixture.Audit.ListAsync(new AuditQuery { Actor = lee!.Id });
        Assert.Contains(signIns, e => e is { Action: "staff.sign-in", Outcome: "locked-out" });
        Assert.Contains(signIns, e => e is { Action: "staff.sign-in", Outcome: "ok" });
    }

    [Fact]
    public async Task A_session_ends_after_fifteen_idle_minutes_activity_keeps_it_and_live_updates_do_not()
    {
        using var client = await fixture.SignInAsync("kim");
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode); // 20 minutes in, active

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff?handler=Rows", background: true)).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromMinutes(6)); // 16 idle minutes, with a live update in between
        var expired = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/staff/login", PathOf(expired), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_old_cookie_no_longer_works()
    {
        using var client = await fixture.SignInAsync("kim");
        var copied = client.Cookies.GetCookieHeader(new Uri(Base, "/staff"));
        Assert.Contains("iop.staff=", copied, StringComparison.Ordinal);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var signOut = await client.PostFormAsync("/staff", "/staff/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Base };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var handoff = await fixture.NewHandoffAsync();
        using var client = await fixture.SignInAsync("sam");
        var response = await client.PostWithTokenAsync($"/staff/handoffs/{handoff.Id}?handler=Claim", null, new() { ["version"] = handoff.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await fixture.Handoffs.GetAsync(handoff.Id))!.ClaimedBy);
        using var login = new StaffConsoleClient(Base);
        Assert.Equal(HttpStatusCode.BadRequest, (await login.PostWithTokenAsync("/staff/login", null, new() { ["username"] = "sam", ["password"] = ConsoleFixture.Password })).StatusCode);
    }

    [Fact]
    public async Task Two_specialists_claiming_at_once_one_wins_and_the_other_is_told()
    {
        var handoff = await fixture.NewHandoffAsync(HandoffUrgency.Urgent);
        using var sam = await fixture.SignInAsync("sam");
        using var kim = await fixture.SignInAsync("kim");
        var page = $"/staff/handoffs/{handoff.Id}";
        var samPage = await sam.GetPageAsync(page);
        var kimPage = await kim.GetPageAsync(page);
        var fields = new Dictionary<string, string> { ["version"] = StaffConsoleClient.VersionIn(samPage)! };

        var results = await Task.WhenAll(
            sam.PostWithTokenAsync(page + "?handler=Claim", StaffConsoleClient.TokenIn(samPage), fields),
            kim.PostWithTokenAsync(page + "?handler=Claim", StaffConsoleClient.TokenIn(kimPage), fields));

        var outcomes = results.Select(r => r.Headers.Location!.OriginalString).ToList();
        Assert.Single(outcomes, q => q.Contains("result=claimed", StringComparison.Ordinal) && !q.Contains("other", StringComparison.Ordinal));
        Assert.Single(outcomes, q => q.Contains("result=claimed-by-other", StringComparison.Ordinal));
        var stored = await fixture.Handoffs.GetAsync(handoff.Id);
        var winner = outcomes[0].EndsWith("=claimed", StringComparison.Ordinal) ? fixture.Specialist.Id : fixture.OtherSpecialist.Id;
        Assert.Equal(winner, stored!.ClaimedBy);
        var loser = winner == fixture.Specialist.Id ? kim : sam;
        var told = await loser.GetPageAsync(results[winner == fixture.Specialist.Id ? 1 : 0].Headers.Location!.OriginalString);
        Assert.Contains("id=\"action-result\"", told, StringComparison.Ordinal);
        Assert.Contains(winner == fixture.Specialist.Id ? "Sam Rivera" : "Kim Osei", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_claims_notes_callbacks_closes_and_downloads_are_audited_without_what_was_written()
    {
        var handoff = await fixture.NewHandoffAsync();
        using var sam = await fixture.SignInAsync("sam");
        var page = $"/staff/handoffs/{handoff.Id}";
        const string Note = "Spoke with Robin about NOTE-CANARY-41";

        await sam.GetPageAsync(page);
        Assert.Contains("result=claimed", (await sam.PostFormAsync(page, page + "?handler=Claim", new() { ["version"] = handoff.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("result=noted", (await sam.PostFormAsync(page, page + "?handler=Note", new() { ["note"] = Note })).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("result=callback", (await sam.PostFormAsync(page, page + "?handler=Callback", new() { ["when"] = "Tuesday 10:00" })).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HandoffStatus.Callback, (await fixture.Handoffs.GetAsync(handoff.Id))!.Status);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync(page + "?handler=Download")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync(page + "/print")).StatusCode);
        Assert.Contains("result=closed", (await sam.PostFormAsync(page, page + "?handler=Close", new() { ["outcome"] = "ScheduledIntake" })).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var closed = await fixture.Handoffs.GetAsync(handoff.Id);
        Assert.Equal(HandoffStatus.Closed, closed!.Status);
        Assert.Contains(Note, closed.Notes, StringComparison.Ordinal);
        Assert.Contains("Callback scheduled: Tuesday 10:00", closed.Notes, StringComparison.Ordinal);

        var entries = await fixture.Audit.ListAsync(new AuditQuery { ConversationId = handoff.ConversationId });
        Assert.All(entries, e => Assert.Equal(fixture.Specialist.Id, e.Actor));
        foreach (var action in new[] { "handoff.view", "handoff.claim", "handoff.note", "handoff.callback", "transcript.download", "transcript.print", "handoff.close" })
        {
            Assert.Contains(entries, e => e.Action == action);
        }

        Assert.Contains(entries, e => e is { Action: "handoff.close", Outcome: "scheduled-intake" });
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("CANARY", StringComparison.Ordinal) || (e.Detail ?? "").Contains("Tuesday", StringComparison.Ordinal));

        // The audit page shows them to admins.
        using var ada = await fixture.SignInAsync("ada");
        var auditPage = await ada.GetPageAsync("/staff/admin/audit");
        Assert.Contains("handoff.close", auditPage, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", auditPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_and_markdown_typed_into_the_chat_render_inert_on_the_handoff_page_and_the_transcript_downloads_in_order()
    {
        using var http = fixture.Service.CreateLoopbackClient();
        var chat = await DirectLineChat.StartAsync(http);
        foreach (var text in XssCorpus)
        {
            await chat.WaitForReplyToAsync(await chat.SayAsync(text));
        }

        await chat.WaitForReplyToAsync(await chat.SayAsync("honestly I don't want to be alive anymore"));
        var handoff = await fixture.Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.NotNull(handoff);

        using var sam = await fixture.SignInAsync("sam");
        var html = await sam.GetPageAsync($"/staff/handoffs/{handoff.Id}");
        var lines = await sam.GetPageAsync($"/staff/handoffs/{handoff.Id}?handler=Lines&after=0");
        var print = await sam.GetPageAsync($"/staff/handoffs/{handoff.Id}/print");
        foreach (var rendered in new[] { html, lines, print })
        {
            Assert.DoesNotContain("<img src=x", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg onload", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<math>", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script>window", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;img src", rendered, StringComparison.Ordinal);
            Assert.Contains("[click](javascript:alert(1))", rendered, StringComparison.Ordinal); // Markdown left as typed
        }

        var download = await sam.GetAsync($"/staff/handoffs/{handoff.Id}?handler=Download");
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".transcript", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var activities = JsonConvert.DeserializeObject<List<Activity>>(await download.Content.ReadAsStringAsync())!;
        var typed = activities.Where(a => a.Type == ActivityTypes.Message && a.From?.Role == RoleTypes.User).Select(a => a.Text).ToList();
        Assert.Equal([.. XssCorpus, "honestly I don't want to be alive anymore"], typed);
        Assert.Contains(activities, a => a.Type == ActivityTypes.Message && a.From?.Role == RoleTypes.Bot);
        Assert.All(activities, a => Assert.Equal(chat.ConversationId, a.Conversation?.Id));
    }

    [Fact]
    public async Task The_queue_lists_urgent_first_then_the_longest_waiting_and_a_claimed_handoff_can_be_joined_live()
    {
        var routine = await fixture.NewHandoffAsync(HandoffUrgency.Routine);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var urgent = await fixture.NewHandoffAsync(HandoffUrgency.Urgent);
        using var sam = await fixture.SignInAsync("sam");
        var queue = await sam.GetPageAsync("/staff");
        var urgentAt = queue.IndexOf(urgent.Id, StringComparison.Ordinal);
        var routineAt = queue.IndexOf(routine.Id, StringComparison.Ordinal);
        Assert.True(urgentAt > 0 && routineAt > urgentAt, "urgent before routine");
        var firstRow = queue.IndexOf("data-urgency=\"", StringComparison.Ordinal);
        Assert.StartsWith("data-urgency=\"urgent\"", queue[firstRow..], StringComparison.Ordinal);

        var page = $"/staff/handoffs/{urgent.Id}";
        await sam.PostFormAsync(page, page + "?handler=Claim", new() { ["version"] = urgent.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var claimed = await sam.GetPageAsync(page);
        Assert.DoesNotContain("id=\"live-unavailable\"", claimed, StringComparison.Ordinal); // the service's live chat is there
        Assert.Contains("5552013344", claimed, StringComparison.Ordinal);
        Assert.Contains("crisis:suicide-or-self-harm", claimed, StringComparison.Ordinal);
        var join = await sam.PostFormAsync(page, page + "?handler=Join", []);
        Assert.Contains("result=joined", join.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HandoffStatus.Live, (await fixture.Handoffs.GetAsync(urgent.Id))?.Status);
    }

    [Fact]
    public async Task Admins_add_staff_who_can_then_sign_in_and_disabling_someone_ends_their_session_at_once()
    {
        using var ada = await fixture.SignInAsync("ada");
        var username = "new" + Guid.NewGuid().ToString("N")[..6];
        var added = await ada.PostFormAsync("/staff/admin/staff", "/staff/admin/staff?handler=Add",
            new() { ["username"] = username, ["displayName"] = "Noor <b>Haddad</b>", ["role"] = "specialist", ["password"] = ConsoleFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var tooShort = await ada.PostFormAsync("/staff/admin/staff", "/staff/admin/staff?handler=Add",
            new() { ["username"] = "x" + username, ["displayName"] = "X", ["role"] = "specialist", ["password"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.DoesNotContain("<b>Haddad</b>", await ada.GetPageAsync("/staff/admin/staff"), StringComparison.Ordinal);

        using var noor = await fixture.SignInAsync(username);
        Assert.Equal(HttpStatusCode.OK, (await noor.GetAsync("/staff")).StatusCode);
        var account = await fixture.Staff.FindByUsernameAsync(username);
        Assert.Equal(StaffRole.Specialist, account!.Role);

        var disabled = await ada.PostFormAsync("/staff/admin/staff", "/staff/admin/staff?handler=Disable", new() { ["id"] = account.Id });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await noor.GetAsync("/staff")).StatusCode); // the open session ended
        Assert.Equal(HttpStatusCode.Unauthorized, (await new StaffConsoleClient(Base).SignInAsync(username, ConsoleFixture.Password)).StatusCode);
        var audit = await fixture.Audit.ListAsync(new AuditQuery { Actor = fixture.Admin.Id });
        Assert.Contains(audit, e => e.Action == "staff.add" && e.Detail == $"staff={account.Id} role=specialist");
        Assert.Contains(audit, e => e.Action == "staff.disable" && e.Detail == "staff=" + account.Id);
    }

    [Fact]
    public async Task Insights_count_the_last_thirty_days_of_conversations_handoffs_and_outcomes()
    {
        using var ada = await fixture.SignInAsync("ada");
        var before = await ada.GetPageAsync("/staff/admin/insights");
        using var http = fixture.Service.CreateLoopbackClient();
        var chat = await DirectLineChat.StartAsync(http);
        await chat.WaitForReplyToAsync(await chat.SayAsync("what is an IOP?"));
        var handoff = await fixture.NewHandoffAsync(HandoffUrgency.Soon);
        await fixture.NewHandoffAsync(HandoffUrgency.Soon);
        using var sam = await fixture.SignInAsync("sam");
        var page = $"/staff/handoffs/{handoff.Id}";
        await sam.PostFormAsync(page, page + "?handler=Claim", new() { ["version"] = handoff.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await sam.PostFormAsync(page, page + "?handler=Close", new() { ["outcome"] = "Reached" });

        var after = await ada.GetPageAsync("/staff/admin/insights");
        Assert.Equal(Total(before, "total-conversations") + 1, Total(after, "total-conversations"));
        Assert.Equal(Total(before, "total-handoffs") + 2, Total(after, "total-handoffs"));
        Assert.Contains("Closed handoffs by outcome: Reached 1", after, StringComparison.Ordinal);
        Assert.Contains("<svg", after, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-claim\"", after, StringComparison.Ordinal);
        Assert.Matches("Handoffs by urgency: [^\"]*Soon [1-9]", after);
    }

    private static int Total(string html, string id)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"id=\"{id}\">(\\d+)<");
        Assert.True(match.Success, id);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
