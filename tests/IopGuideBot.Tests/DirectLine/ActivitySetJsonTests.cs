using IopGuideBot.DirectLine;
using IopGuideBot.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Tests.DirectLine;

/// <summary>
/// A page of the log goes to the client as stored (no parse and write again): a valid <c>ActivitySet</c>, the adapter's
/// own continuation events left out, and a message that merely mentions such an event still shown.
/// </summary>
public sealed class ActivitySetJsonTests
{
    private static LoggedActivityJson Stored(long sequence, Activity activity) =>
        new(sequence, JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    [Fact]
    public void The_page_is_an_activity_set_without_the_adapters_own_events()
    {
        LoggedActivityJson[] page =
        [
            Stored(4, new Activity(ActivityTypes.Message) { Id = "a4", Text = "what is ContinueConversation?", Timestamp = new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero) }),
            Stored(5, new Activity(ActivityTypes.Event) { Id = "a5", Name = "ContinueConversation" }),
            Stored(6, new Activity(ActivityTypes.Message) { Id = "a6", Text = "The next step is a short call." }),
        ];

        var set = JObject.Parse(DirectLineEndpoints.ActivitySetJson(page, 6)!);

        Assert.Equal("6", (string?)set["watermark"]);
        var activities = set["activities"]!.ToObject<List<Activity>>()!;
        Assert.Equal(["a4", "a6"], activities.Select(a => a.Id));
        Assert.Equal("what is ContinueConversation?", activities[0].Text);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero), activities[0].Timestamp);
    }

    [Fact]
    public void A_page_of_nothing_visible_is_null()
    {
        Assert.Null(DirectLineEndpoints.ActivitySetJson([Stored(5, new Activity(ActivityTypes.Event) { Id = "a5", Name = "ContinueConversation" })], 5));
        Assert.Null(DirectLineEndpoints.ActivitySetJson([], 5));
    }
}
