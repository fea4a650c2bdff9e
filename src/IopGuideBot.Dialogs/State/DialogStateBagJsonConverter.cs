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

    private static readonly JsonSerializer Values = JsonSerializer.Create(ValueSettings(new ButtonListJsonConverter()));

    /// <summary>How a value in the bag is written: no type names, dates kept as written, nulls left out, enums by name.</summary>
    internal static JsonSerializerSettings ValueSettings(params JsonConverter[] more)
    {
        var settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.None,
            DateParseHandling = DateParseHandling.None,
            DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
            FloatParseHandling = FloatParseHandling.Double,
            NullValueHandling = NullValueHandling.Ignore,
            Converters = { new StringEnumConverter() },
        };
        foreach (var converter in more)
        {
            settings.Converters.Add(converter);
        }

        return settings;
    }

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
    /// <remarks>
    /// Reads straight from the reader: a value written by <see cref="WriteJson"/> (its tag first) is deserialized from
    /// the stream without building a <see cref="JObject"/> of the whole bag first (state is read on every turn). A value
    /// in another shape (hand-written JSON, the tag after the value) is read as a token and then as before.
    /// </remarks>
    public override DialogStateBag? ReadJson(JsonReader reader, Type objectType, DialogStateBag? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException($"Dialog state must be a JSON object, not {reader.TokenType}.");
        }

        var previous = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        try
        {
            var bag = new DialogStateBag();
            while (ReadToContent(reader) && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                ReadToContent(reader);
                bag[name] = ReadValue(reader)!;
            }

            return bag;
        }
        finally
        {
            reader.DateParseHandling = previous;
        }
    }

    /// <summary>Reads the value the reader is on, leaving the reader on its last token.</summary>
    private static object? ReadValue(JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                return ReadObject(reader);
            case JsonToken.StartArray:
                return JToken.ReadFrom(reader);
            default:
                // A single value: the same reading as a token's.
                return ReadValue(JToken.ReadFrom(reader));
        }
    }

    /// <summary>A tagged value (<c>{"$t": tag, "v": value}</c>, as written) from the stream; any other object through a token.</summary>
    private static object? ReadObject(JsonReader reader)
    {
        ReadToContent(reader);
        if (reader.TokenType != JsonToken.PropertyName || (string)reader.Value! != TagProperty)
        {
            return ReadRest(reader, []);
        }

        ReadToContent(reader);
        if (reader.TokenType != JsonToken.String)
        {
            var odd = new JObject { [TagProperty] = JToken.ReadFrom(reader) };
            ReadToContent(reader);
            return ReadRest(reader, odd);
        }

        var tag = (string)reader.Value!;
        ReadToContent(reader);
        if (reader.TokenType != JsonToken.PropertyName || (string)reader.Value! != ValueProperty)
        {
            return ReadRest(reader, new JObject { [TagProperty] = tag });
        }

        var type = DialogStateTypes.ResolveTag(tag);
        ReadToContent(reader);
        var value = reader.TokenType switch
        {
            JsonToken.Null or JsonToken.Undefined => null,
            // A storage that parsed the document with date handling on hands us a DateTime; keep the instant.
            JsonToken.Date when type == typeof(DateTimeOffset) && reader.Value is DateTime dt => new DateTimeOffset(dt),
            _ => Values.Deserialize(reader, type),
        };
        ReadToContent(reader);
        return reader.TokenType == JsonToken.EndObject
            ? value
            : ReadRest(reader, new JObject { [TagProperty] = tag, [ValueProperty] = value is null ? JValue.CreateNull() : JToken.FromObject(value, Values) });
    }

    /// <summary>
    /// The rest of an object, from the property name or the end the reader is on, read as tokens; then the whole is read
    /// as before.
    /// </summary>
    private static object? ReadRest(JsonReader reader, JObject read)
    {
        while (reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            ReadToContent(reader);
            read[name] = JToken.ReadFrom(reader);
            ReadToContent(reader);
        }

        return ReadValue(read);
    }

    /// <summary>Reads past comments; false at the end of the input.</summary>
    private static bool ReadToContent(JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
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
