using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Dialogs.State;

/// <summary>
/// The persisted state of one dialog instance (and a waterfall's <c>Values</c>): a string-keyed bag whose values keep
/// their .NET type through JSON storage.
/// </summary>
/// <remarks>
/// Bot Builder keeps dialog state in <c>IDictionary&lt;string, object&gt;</c>, so an <see cref="int"/> comes back from
/// storage as a <see cref="long"/> (its issue #871) and a record comes back as a <c>JObject</c>. Here every value is
/// written with a type tag (<c>{"$t":"int","v":3}</c>) by <see cref="DialogStateBagJsonConverter"/>, whatever serializer
/// settings the storage uses. Strings, booleans and nulls are written bare. Only known-safe types may be stored, see
/// <see cref="DialogStateTypes"/>; a heterogeneous map should be a nested <see cref="DialogStateBag"/>, not a
/// <c>Dictionary&lt;string, object&gt;</c>.
/// </remarks>
[JsonConverter(typeof(DialogStateBagJsonConverter))]
public sealed class DialogStateBag : IDictionary<string, object>
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public int Count => _values.Count;

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <inheritdoc/>
    public ICollection<string> Keys => _values.Keys;

    /// <inheritdoc/>
    public ICollection<object> Values => _values.Values;

    /// <inheritdoc/>
    public object this[string key]
    {
        get => _values[key];
        set => _values[key] = value;
    }

    /// <summary>Gets a value as <typeparamref name="T"/>, or <paramref name="defaultValue"/> when the key is missing.</summary>
    /// <typeparam name="T">The type the value was stored as (or one it converts to).</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">What to return when the key is absent or null.</param>
    /// <returns>The value.</returns>
    public T? GetValue<T>(string key, T? defaultValue = default)
    {
        if (!_values.TryGetValue(key, out var value) || value is null)
        {
            return defaultValue;
        }

        return value switch
        {
            T typed => typed,
            JToken token => token.ToObject<T>(),
            IConvertible when typeof(IConvertible).IsAssignableFrom(typeof(T)) =>
                (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException($"Dialog state '{key}' holds a {value.GetType().Name}, not a {typeof(T).Name}."),
        };
    }

    /// <inheritdoc/>
    public void Add(string key, object value) => _values.Add(key, value);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc/>
    public bool Remove(string key) => _values.Remove(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => _values.TryGetValue(key, out value);

    /// <inheritdoc/>
    public void Add(KeyValuePair<string, object> item) => _values.Add(item.Key, item.Value);

    /// <inheritdoc/>
    public void Clear() => _values.Clear();

    /// <inheritdoc/>
    public bool Contains(KeyValuePair<string, object> item) => ((ICollection<KeyValuePair<string, object>>)_values).Contains(item);

    /// <inheritdoc/>
    public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object>>)_values).CopyTo(array, arrayIndex);

    /// <inheritdoc/>
    public bool Remove(KeyValuePair<string, object> item) => ((ICollection<KeyValuePair<string, object>>)_values).Remove(item);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
