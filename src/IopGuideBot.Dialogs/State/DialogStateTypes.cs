using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Dialogs.State;

/// <summary>
/// Which .NET types may be stored in a <see cref="DialogStateBag"/>, and the type tags they are stored under.
/// </summary>
/// <remarks>
/// Type tags name a type that is instantiated when state is read back, so they are resolved against an allow-list
/// rather than anything the JSON says (the reason Bot Builder's storage moved away from open <c>TypeNameHandling</c>).
/// Allowed: primitives, strings, dates, <see cref="Guid"/>, <see cref="TimeSpan"/>, <see cref="Uri"/>, enums, arrays,
/// <see cref="List{T}"/>, <see cref="HashSet{T}"/> and <see cref="Dictionary{TKey, TValue}"/> of allowed types, JSON
/// tokens, types from <c>IopGuideBot.*</c> and <c>Microsoft.Bot.*</c> assemblies, and whatever <see cref="Allow"/> adds.
/// </remarks>
public static partial class DialogStateTypes
{
    private static readonly Dictionary<string, Type> TagToType = new(StringComparer.Ordinal)
    {
        ["int"] = typeof(int),
        ["long"] = typeof(long),
        ["short"] = typeof(short),
        ["byte"] = typeof(byte),
        ["sbyte"] = typeof(sbyte),
        ["uint"] = typeof(uint),
        ["ulong"] = typeof(ulong),
        ["ushort"] = typeof(ushort),
        ["double"] = typeof(double),
        ["float"] = typeof(float),
        ["decimal"] = typeof(decimal),
        ["char"] = typeof(char),
        ["string"] = typeof(string),
        ["bool"] = typeof(bool),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["DateOnly"] = typeof(DateOnly),
        ["TimeOnly"] = typeof(TimeOnly),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Guid"] = typeof(Guid),
        ["Uri"] = typeof(Uri),
        ["bag"] = typeof(DialogStateBag),
        ["DialogState"] = typeof(DialogState),
    };

    private static readonly Dictionary<Type, string> TypeToTag = TagToType.ToDictionary(kv => kv.Value, kv => kv.Key);
    private static readonly HashSet<Type> AllowedGenerics = [typeof(List<>), typeof(HashSet<>), typeof(Dictionary<,>), typeof(Nullable<>)];
    private static readonly ConcurrentDictionary<Type, bool> Registered = new();
    private static readonly ConcurrentDictionary<Type, string> NameCache = new();
    private static readonly ConcurrentDictionary<string, Type?> TypeCache = new(StringComparer.Ordinal);

    /// <summary>Allows a type from another assembly to be stored in dialog state.</summary>
    /// <param name="type">The type.</param>
    public static void Allow(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Registered[type] = true;
    }

    /// <summary>Gets whether <paramref name="type"/> may be stored in dialog state.</summary>
    /// <param name="type">The type.</param>
    /// <returns>True when allowed.</returns>
    public static bool IsAllowed(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (TypeToTag.ContainsKey(type) || type.IsEnum || Registered.ContainsKey(type) || typeof(JToken).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }

        if (type.IsGenericType && AllowedGenerics.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(IsAllowed);
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        var trustedAssembly = assembly.StartsWith("IopGuideBot", StringComparison.Ordinal)
            || assembly.StartsWith("Microsoft.Bot.", StringComparison.Ordinal);
        return trustedAssembly && (!type.IsGenericType || type.GetGenericArguments().All(IsAllowed));
    }

    internal static string GetTag(Type type)
    {
        if (TypeToTag.TryGetValue(type, out var tag))
        {
            return tag;
        }

        if (!IsAllowed(type))
        {
            throw new InvalidOperationException(
                $"{type} cannot be stored in dialog state. Use a type from an IopGuideBot assembly, a primitive, a list of " +
                $"them or a nested DialogStateBag, or call {nameof(DialogStateTypes)}.{nameof(Allow)}.");
        }

        // Without versions, so state written before an upgrade still reads after it.
        return NameCache.GetOrAdd(type, t => AssemblyDetails().Replace(t.AssemblyQualifiedName!, string.Empty));
    }

    internal static Type ResolveTag(string tag)
    {
        if (TagToType.TryGetValue(tag, out var known))
        {
            return known;
        }

        var type = TypeCache.GetOrAdd(tag, static name => Type.GetType(name, LoadIgnoringVersion, ResolveType, throwOnError: false));
        if (type is null || !IsAllowed(type))
        {
            throw new Newtonsoft.Json.JsonSerializationException($"Dialog state names a type that is unknown or not allowed: '{tag}'.");
        }

        return type;
    }

    private static Assembly? LoadIgnoringVersion(AssemblyName name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name.Name!));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static Type? ResolveType(Assembly? assembly, string name, bool ignoreCase) =>
        assembly is null ? Type.GetType(name, false, ignoreCase) : assembly.GetType(name, false, ignoreCase);

    [GeneratedRegex(@", (Version|Culture|PublicKeyToken)=[^,\]]+")]
    private static partial Regex AssemblyDetails();
}
