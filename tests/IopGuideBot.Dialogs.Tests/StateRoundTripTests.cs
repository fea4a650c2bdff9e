using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Dialogs.Tests;

public enum Frequency
{
    Never,
    Weekly,
    Daily,
}

public sealed record IntakeAnswers(string Name, int DaysPerWeek, double Hours, Frequency Frequency, DateTimeOffset SeenAt, List<int> Scores);

public class StateRoundTripTests
{
    private static readonly DateTimeOffset SeenAt = new(2025, 3, 14, 17, 30, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task ValuesKeepTheirTypesAcrossARestartOverTheSameStorage()
    {
        var storage = new MemoryStorage();
        var first = new DialogTestHarness(TypedWaterfall(), storage);
        await first.Flow().Send("start").AssertReply("stored").StartTestAsync();

        var second = first.Restart(TypedWaterfall());
        await second.Flow().Send("next").AssertReply("all types intact").StartTestAsync();
    }

    [Theory]
    [InlineData(TypeNameHandling.All)]
    [InlineData(TypeNameHandling.None)]
    public async Task StorageItemsSurviveNewtonsoftTextSerialization(TypeNameHandling typeNameHandling)
    {
        var storage = new MemoryStorage();
        var first = new DialogTestHarness(TypedWaterfall(), storage);
        await first.Flow().Send("start").AssertReply("stored").StartTestAsync();

        // Serialize every stored item to text and back into a fresh storage, as a database-backed IStorage would.
        var key = $"{first.Adapter.Conversation.ChannelId}/conversations/{first.Adapter.Conversation.Conversation.Id}";
        var items = await storage.ReadAsync([key], CancellationToken.None);
        var settings = new JsonSerializerSettings { TypeNameHandling = typeNameHandling, DateParseHandling = DateParseHandling.None };
        var text = JsonConvert.SerializeObject(items[key], settings);
        Assert.Contains("\"$t\":\"int\"", text, StringComparison.Ordinal);
        var restored = JsonConvert.DeserializeObject<object>(text, settings)!;
        var newStorage = new MemoryStorage();
        await newStorage.WriteAsync(new Dictionary<string, object> { [key] = restored }, CancellationToken.None);

        var second = new DialogTestHarness(TypedWaterfall(), newStorage) { Adapter = { Conversation = first.Adapter.Conversation } };
        await second.Flow().Send("next").AssertReply("all types intact").StartTestAsync();
    }

    [Fact]
    public void BagRoundTripsEveryTypeThroughJsonText()
    {
        var bag = new DialogStateBag
        {
            ["int"] = 3,
            ["long"] = 5_000_000_000L,
            ["double"] = 1.0,
            ["decimal"] = 2.50m,
            ["string"] = "2025-03-14T17:30:00-05:00",
            ["bool"] = true,
            ["when"] = SeenAt,
            ["enum"] = Frequency.Daily,
            ["list"] = new List<int> { 1, 2 },
            ["answers"] = new IntakeAnswers("Ana", 3, 1.5, Frequency.Weekly, SeenAt, [4, 5]),
            ["nested"] = new DialogStateBag { ["count"] = 7 },
            ["null"] = null!,
        };

        var back = JsonConvert.DeserializeObject<DialogStateBag>(JsonConvert.SerializeObject(bag))!;

        Assert.IsType<int>(back["int"]);
        Assert.IsType<long>(back["long"]);
        Assert.IsType<double>(back["double"]);
        Assert.Equal(1.0, back["double"]);
        Assert.Equal(2.50m, back["decimal"]);
        Assert.Equal("2025-03-14T17:30:00-05:00", back["string"]);
        Assert.Equal(true, back["bool"]);
        Assert.True(SeenAt.EqualsExact((DateTimeOffset)back["when"]));
        Assert.Equal(Frequency.Daily, back["enum"]);
        Assert.Equal([1, 2], Assert.IsType<List<int>>(back["list"]));
        var answers = Assert.IsType<IntakeAnswers>(back["answers"]);
        Assert.Equal(("Ana", 3, 1.5, Frequency.Weekly), (answers.Name, answers.DaysPerWeek, answers.Hours, answers.Frequency));
        Assert.True(SeenAt.EqualsExact(answers.SeenAt));
        Assert.Equal([4, 5], answers.Scores);
        Assert.IsType<int>(Assert.IsType<DialogStateBag>(back["nested"])["count"]);
        Assert.Null(back["null"]);
    }

    [Fact]
    public void RefusesTypesOutsideTheAllowList()
    {
        var bag = new DialogStateBag { ["bad"] = new Dictionary<string, object> { ["x"] = 1 } };
        Assert.Throws<InvalidOperationException>(() => JsonConvert.SerializeObject(bag));

        const string json = """{"evil":{"$t":"System.IO.FileInfo, System.Private.CoreLib","v":"/etc/passwd"}}""";
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<DialogStateBag>(json));
    }

    [Fact]
    public void ValuesInAnotherShapeReadAsTheyDidBeforeTheStreamingRead()
    {
        var tagged = JsonConvert.SerializeObject(new DialogStateBag { ["n"] = 7 });
        var tag = JObject.Parse(tagged)["n"]!["$t"]!.ToString();
        // The tag after the value, a comment, an untagged object and an array: hand-written or re-ordered JSON.
        var json = $$"""{"n":{"v":7,"$t":"{{tag}}"}, /* note */ "m":{"$t":"{{tag}}","v":8}, "plain":{"a":1}, "list":[1,2], "novalue":{"$t":"{{tag}}"}, "empty":{}, "extra":{"$t":"{{tag}}","v":9,"x":1}, "last":true}""";

        var back = JsonConvert.DeserializeObject<DialogStateBag>(json)!;

        Assert.Equal(7, Assert.IsType<int>(back["n"]));
        Assert.Equal(8, Assert.IsType<int>(back["m"]));
        Assert.Equal(1, (int)Assert.IsType<JObject>(back["plain"])["a"]!);
        Assert.Equal(2, Assert.IsType<JArray>(back["list"]).Count);
        Assert.Null(back["novalue"]);
        Assert.Empty(Assert.IsType<JObject>(back["empty"]));
        Assert.Equal(9, Assert.IsType<int>(back["extra"]));
        Assert.Equal(true, back["last"]);
    }

    [Fact]
    public void A_prompts_plain_buttons_are_kept_as_their_labels_and_read_back_whole()
    {
        var options = new Prompts.PromptOptions
        {
            Prompt = Buttons("What have you been using?", Plain("Alcohol"), Plain("Cannabis"), Plain("Skip")),
            RetryPrompt = Buttons("Sorry, tap a button.", Plain("Alcohol"), Plain("Cannabis"), Plain("Skip")),
        };
        var bag = new DialogStateBag { ["options"] = options };

        var text = JsonConvert.SerializeObject(bag);
        var back = Assert.IsType<Prompts.PromptOptions>(JsonConvert.DeserializeObject<DialogStateBag>(text)!["options"]);

        Assert.Contains("""{"imBack":["Alcohol","Cannabis","Skip"]}""", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", text, StringComparison.Ordinal);
        foreach (var activity in new[] { back.Prompt!, back.RetryPrompt! })
        {
            Assert.Equal(
                ["imBack Alcohol=Alcohol", "imBack Cannabis=Cannabis", "imBack Skip=Skip"],
                activity.SuggestedActions.Actions.Select(a => $"{a.Type} {a.Title}={a.Value}"));
        }
    }

    [Fact]
    public void Buttons_that_are_not_plain_and_buttons_stored_before_keep_the_Bot_Framework_shape()
    {
        var fancy = Buttons("Pick one", new CardAction(ActionTypes.ImBack, "Yes", value: "yes"), new CardAction(ActionTypes.OpenUrl, "Our site", value: "https://example.org"));
        var text = JsonConvert.SerializeObject(new DialogStateBag { ["options"] = new Prompts.PromptOptions { Prompt = fancy } });
        Assert.DoesNotContain("\"imBack\":[", text, StringComparison.Ordinal);
        var back = Assert.IsType<Prompts.PromptOptions>(JsonConvert.DeserializeObject<DialogStateBag>(text)!["options"]);
        Assert.Equal(["imBack Yes=yes", "openUrl Our site=https://example.org"], back.Prompt!.SuggestedActions.Actions.Select(a => $"{a.Type} {a.Title}={a.Value}"));

        // State written before the label shape existed: the Bot Framework's own button objects.
        var tag = JObject.Parse(text)["options"]!["$t"]!.ToString();
        var stored = """{"options":{"$t":""" + JsonConvert.ToString(tag) + ""","v":{"Prompt":{"type":"message","text":"Pick","suggestedActions":{"actions":[{"type":"imBack","title":"Alcohol","value":"Alcohol"}]}}}}}""";
        var old = Assert.IsType<Prompts.PromptOptions>(JsonConvert.DeserializeObject<DialogStateBag>(stored)!["options"]);
        Assert.Equal(["imBack Alcohol=Alcohol"], old.Prompt!.SuggestedActions.Actions.Select(a => $"{a.Type} {a.Title}={a.Value}"));
    }

    private static CardAction Plain(string label) => new(ActionTypes.ImBack, label, value: label);

    private static Activity Buttons(string text, params CardAction[] actions) =>
        new(ActivityTypes.Message) { Text = text, SuggestedActions = new SuggestedActions { Actions = [.. actions] } };

    [Fact]
    public void UntaggedNumbersFromHandWrittenJsonPreferInt()
    {
        var back = JsonConvert.DeserializeObject<DialogStateBag>("""{"a":3,"b":5000000000,"c":1.5}""")!;
        Assert.IsType<int>(back["a"]);
        Assert.IsType<long>(back["b"]);
        Assert.IsType<double>(back["c"]);
        Assert.Equal(3, back.GetValue<long>("a"));
        _ = JToken.FromObject(back);
    }

    private static WaterfallDialog TypedWaterfall() => new("typed", [
        async (step, ct) =>
        {
            step.Values["int"] = 3;
            step.Values["long"] = 5_000_000_000L;
            step.Values["double"] = 2.0;
            step.Values["when"] = SeenAt;
            step.Values["text"] = "Ana";
            step.Values["enum"] = Frequency.Weekly;
            step.Values["list"] = new List<string> { "a", "b" };
            step.Values["answers"] = new IntakeAnswers("Ana", 3, 1.5, Frequency.Daily, SeenAt, [1, 2, 3]);
            await step.Context.SendActivityAsync("stored", cancellationToken: ct);
            return Dialog.EndOfTurn;
        },
        async (step, ct) =>
        {
            var ok = step.Values["int"] is 3
                && step.Values["long"] is 5_000_000_000L
                && step.Values["double"] is 2.0
                && step.Values["when"] is DateTimeOffset when && when.EqualsExact(SeenAt)
                && step.Values["text"] is "Ana"
                && step.Values["enum"] is Frequency.Weekly
                && step.Values["list"] is List<string> { Count: 2 }
                && step.Values["answers"] is IntakeAnswers { DaysPerWeek: 3, Hours: 1.5, Frequency: Frequency.Daily, Scores.Count: 3 } a
                && a.SeenAt.EqualsExact(SeenAt)
                && step.Index == 1;
            var report = ok ? "all types intact" : string.Join(", ", step.Values.Select(kv => $"{kv.Key}={kv.Value?.GetType().Name}:{kv.Value}"));
            await step.Context.SendActivityAsync(report, cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        },
    ]);
}
