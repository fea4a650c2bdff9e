using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Dialogs.State;

/// <summary>
/// Writes a prompt's buttons in dialog state as a list of their labels when every button is a plain <c>imBack</c> whose
/// value is its title (<c>{"imBack": ["Alcohol", "Cannabis"]}</c>), and anything else as the Bot Framework writes it.
/// Reads both shapes, so state written before this converter existed reads the same.
/// </summary>
/// <remarks>
/// Why: a prompt keeps its question, its retry and its skip offer as whole activities, each with the same buttons, and the
/// dialog state is read and written on every turn. A questionnaire step's state was 5,069 characters, 2,100 of them these
/// button lists (21 small objects of three members each); written as labels they are about a quarter of that.
/// </remarks>
internal sealed class ButtonListJsonConverter : JsonConverter<SuggestedActions>
{
    private const string ImBackLabels = "imBack";

    /// <summary>The Bot Framework's own shape, for buttons that are not all plain <c>imBack</c>s and for reading it back.</summary>
    private static readonly JsonSerializer Full = JsonSerializer.Create(DialogStateBagJsonConverter.ValueSettings());

    public override void WriteJson(JsonWriter writer, SuggestedActions? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        if (!IsPlainButtonList(value))
        {
            Full.Serialize(writer, value);
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName(ImBackLabels);
        writer.WriteStartArray();
        foreach (var action in value.Actions)
        {
            writer.WriteValue(action.Title);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override SuggestedActions? ReadJson(JsonReader reader, Type objectType, SuggestedActions? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var json = JObject.Load(reader);
        if (json.Count == 1 && json[ImBackLabels] is JArray labels)
        {
            return new SuggestedActions
            {
                Actions = [.. labels.Select(label => new CardAction(ActionTypes.ImBack, (string?)label, value: (string?)label))],
            };
        }

        return json.ToObject<SuggestedActions>(Full);
    }

    /// <summary>No recipients, and every button an <c>imBack</c> with only a title and the same string as its value.</summary>
    private static bool IsPlainButtonList(SuggestedActions value) =>
        value.To is null or { Count: 0 }
        && value.Actions is { Count: > 0 }
        && value.Actions.All(action => action is
            {
                Type: ActionTypes.ImBack, Title: not null, Value: string text, Image: null, ImageAltText: null, Text: null,
                DisplayText: null, ChannelData: null,
            }
            && string.Equals(text, action.Title, StringComparison.Ordinal));
}
