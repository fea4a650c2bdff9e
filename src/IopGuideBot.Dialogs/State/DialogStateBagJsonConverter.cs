using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Dialogs.State;

/// <summary>
/// Writes a <see cref="DialogStateBag"/> with a type tag on each value and reads it back into the same types.
/// </summary>
/// <remarks>
/// Values go through a private serializer, not the one the storage passes in, so that the storage's settings
/// (<c>TypeNameHandling.All</c> in <c>MemoryStorage</c>, date parsing in a plain <c>JsonConvert</c> call) can neither
/// add their own type names nor turn date strings into local <see cref="DateTime"/>s.
/// </remarks>
public sealed class DialogStateBagJsonConverter : JsonConverter<DialogStateBag>
{
    private const string TagProperty = "$t";
    private const string ValueProperty = "v";

    private static readonly JsonSerializer Values = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.None,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        FloatParseHandling = FloatParseHandling.Double,
        NullValueHandling = NullValueHandling.Ignore,
        Converters = { new StringEnumConverter() },
    });

    /// <inheritdoc/>
    public override void WriteJson(JsonWriter writer, DialogStateBag? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WritePropertyName(key);
            switch (item)
            {
                case null:
                    writer.WriteNull();
                    break;
                case string s:
                    writer.WriteValue(s);
                    break;
                case bool b:
                    writer.WriteValue(b);
                    break;
                default:
                    writer.WriteStartObject();
                    writer.WritePropertyName(TagProperty);
                    writer.WriteValue(DialogStateTypes.GetTag(item.GetType()));
                    writer.WritePropertyName(ValueProperty);
                    Values.Serialize(writer, item);
                    writer.WriteEndObject();
                    break;
            }
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc/>
    public override DialogStateBag? ReadJson(JsonReader reader, Type objectType, DialogStateBag? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var previous = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        JObject json;
        try
        {
            json = JObject.Load(reader);
        }
        finally
        {
            reader.DateParseHandling = previous;
        }

        var bag = new DialogStateBag();
        foreach (var property in json.Properties())
        {
            bag[property.Name] = ReadValue(property.Value)!;
        }

        return bag;
    }

    private static object? ReadValue(JToken token)
    {
        switch (token)
        {
            case JObject obj when obj.TryGetValue(TagProperty, StringComparison.Ordinal, out var tag) && tag.Type == JTokenType.String:
                var type = DialogStateTypes.ResolveTag((string)tag!);
                var value = obj[ValueProperty];
                if (value is null || value.Type == JTokenType.Null)
                {
                    return null;
                }

                // A storage that parsed the document with date handling on hands us a DateTime; keep the instant.
                if (type == typeof(DateTimeOffset) && value.Type == JTokenType.Date && ((JValue)value).Value is DateTime dt)
                {
                    return new DateTimeOffset(dt);
                }

                return value.ToObject(type, Values);
            case JValue { Type: JTokenType.Null or JTokenType.Undefined }:
                return null;
            case JValue { Type: JTokenType.Integer } integer:
                // Untagged numbers only come from hand-written or legacy JSON; prefer int, as the code most likely stored one.
                var number = (long)integer;
                return number is >= int.MinValue and <= int.MaxValue ? (object)(int)number : number;
            case JValue { Type: JTokenType.Float } real:
                return (double)real;
            case JValue primitive:
                return primitive.Value;
            default:
                return token;
        }
    }
}
