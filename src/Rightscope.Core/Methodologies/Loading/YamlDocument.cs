using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Rightscope.Core.Methodologies.Loading;

/// <summary>
/// One catalog file being read: parses the YAML representation model and collects every error with its line, so that
/// readers can keep going after a problem and report all of them at once.
/// </summary>
internal sealed partial class YamlDocument(string fileName, bool requireAllLanguages)
{
    private readonly List<CatalogError> errors = [];

    public string FileName { get; } = fileName;

    public bool RequireAllLanguages { get; } = requireAllLanguages;

    public bool HasErrors => errors.Count > 0;

    /// <summary>The errors in line order (stable, so errors on one line keep the order they were found in).</summary>
    public IReadOnlyList<CatalogError> Errors => [.. errors.OrderBy(error => error.Line)];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    public static partial Regex KeyPattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    public static partial Regex VersionPattern();

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public void Error(YamlNode node, string? key, string message) => errors.Add(new(FileName, Line(node), key, message));

    public void Error(int line, string? key, string message) => errors.Add(new(FileName, line, key, message));

    /// <summary>The file's single document as a mapping, or null after reporting why it is not one.</summary>
    public YamlMappingNode? LoadRoot(string yaml)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(new NoAliases(parser));
        }
        catch (YamlException exception)
        {
            Error((int)exception.Start.Line, null, $"YAML syntax error: {Describe(exception)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input (e.g. an unclosed flow list); the last event
            // it parsed is the best position there is.
            Error((int)(parser.Current?.End.Line ?? 1), null, "YAML syntax error: the file is malformed here (an unclosed [ or { ?)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Error(1, null, "the file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, null, "the file must hold one YAML document, not several");
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            Error(root, null, "the file must be a mapping of fields");
            return null;
        }

        return mapping;
    }

    /// <summary>
    /// Rejects aliases: a catalog file should read on its own, and nested aliases would let a small file expand into a
    /// huge tree (a "billion laughs" file uploaded as an organization's methodology).
    /// </summary>
    private sealed class NoAliases(IParser parser) : IParser
    {
        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            var moved = parser.MoveNext();
            if (moved && parser.Current is AnchorAlias alias)
            {
                throw new YamlException(alias.Start, alias.End, $"aliases (*{alias.Value}) are not supported: write the value out");
            }

            return moved;
        }
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes its message with the position, which the error already carries.
        var message = exception.Message;
        var position = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith('(') && position >= 0 ? message[(position + 3)..] : message).Trim();
    }

    /// <summary>Opens a mapping whose fields must all be among <paramref name="allowed"/>; null (and an error) if the node is no mapping.</summary>
    public Fields? Open(YamlNode node, string? context, string what, params string[] allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, context, $"{what} must be a mapping, not {Kind(node)}");
            return null;
        }

        var fields = new Fields(this, mapping, context);

        // Unknown fields are reported before the entry's key is read: name a nested entry by its key when it has one.
        var entryKey = context is not null && allowed.Contains("key") && mapping.Children.TryGetValue(new YamlScalarNode("key"), out var keyNode)
            && keyNode is YamlScalarNode { Value: { Length: > 0 } keyValue } && KeyPattern().IsMatch(keyValue)
                ? keyValue
                : context;
        foreach (var (name, value) in mapping.Children)
        {
            if (name is not YamlScalarNode { Value: { } fieldName })
            {
                Error(name, context, $"a field name in {what} must be a plain string");
                continue;
            }

            if (!allowed.Contains(fieldName))
            {
                var suggestion = allowed.Where(known => Distance(known, fieldName) <= 2).OrderBy(known => Distance(known, fieldName)).FirstOrDefault();
                Error(name, entryKey ?? fieldName, $"unknown field '{fieldName}' in {what}" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
                continue;
            }

            fields.Add(fieldName, name, value);
        }

        return fields;
    }

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "empty",
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } scalar => $"the quoted text '{scalar.Value}'",
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        _ => "an alias",
    };

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A scalar's string value, or null after an error (wrong type, empty).</summary>
    public string? Scalar(YamlNode node, string? context, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, context, $"{what} must be a single value, not {Kind(node)}");
            return null;
        }

        if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(node, context, $"{what} must not be empty");
            return null;
        }

        return scalar.Value;
    }

    public string? Key(YamlNode node, string? context, string what)
    {
        var value = Scalar(node, context, what);
        if (value is not null && !KeyPattern().IsMatch(value))
        {
            Error(node, context, $"{what} '{value}' is not a valid key (lowercase letters, digits and inner hyphens)");
            return null;
        }

        return value;
    }

    public double? Number(YamlNode node, string? context, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return number;
        }

        Error(node, context, $"{what} must be a number, not {Kind(node)}");
        return null;
    }

    public int? Integer(YamlNode node, string? context, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(node, context, $"{what} must be a whole number, not {Kind(node)}");
        return null;
    }

    public bool? Boolean(YamlNode node, string? context, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text })
        {
            switch (text)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Error(node, context, $"{what} must be true or false, not {Kind(node)}");
        return null;
    }

    /// <summary>A text: a mapping from language to non-empty text, in the languages the file must have.</summary>
    public LocalizedText? Text(YamlNode node, string? context, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, context, $"{what} must be a mapping of language to text (en, zh-Hans), not {Kind(node)}");
            return null;
        }

        var values = new Dictionary<string, string>();
        var valid = true;
        foreach (var (name, value) in mapping.Children)
        {
            var language = name is YamlScalarNode scalar ? scalar.Value : null;
            if (language is null || !LocalizedText.Languages.Contains(language))
            {
                Error(name, context, $"{what} has unknown language '{language}' (known: {string.Join(", ", LocalizedText.Languages)})");
                valid = false;
                continue;
            }

            var text = Scalar(value, context, $"{what} ({language})");
            if (text is null)
            {
                valid = false;
                continue;
            }

            values[language] = text;
        }

        if (RequireAllLanguages)
        {
            foreach (var language in LocalizedText.Languages.Where(language => !values.ContainsKey(language)))
            {
                if (valid)
                {
                    Error(node, context, $"{what} has no {language} text");
                }
            }
        }
        else if (values.Count == 0 && valid)
        {
            Error(node, context, $"{what} must have a text in at least one language");
        }

        return values.Count > 0 ? new LocalizedText(values) : null;
    }

    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string? context, string what, bool nonEmpty)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, context, $"{what} must be a list, not {Kind(node)}");
            return null;
        }

        if (nonEmpty && sequence.Children.Count == 0)
        {
            Error(node, context, $"{what} must not be empty");
        }

        return [.. sequence.Children];
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

/// <summary>
/// The fields of one YAML mapping. Errors name <see cref="Context"/> (the entry's key once known), or the field itself
/// at the top level.
/// </summary>
internal sealed class Fields(YamlDocument document, YamlMappingNode node, string? context)
{
    private readonly Dictionary<string, (YamlNode Name, YamlNode Value)> entries = [];

    public YamlMappingNode Node { get; } = node;

    public string? Context { get; set; } = context;

    public void Add(string name, YamlNode nameNode, YamlNode value) => entries[name] = (nameNode, value);

    public bool Has(string name) => entries.ContainsKey(name);

    /// <summary>The value node of a field; reports a missing required field at the mapping's line.</summary>
    public YamlNode? Get(string name, bool required)
    {
        if (entries.TryGetValue(name, out var entry))
        {
            return entry.Value;
        }

        if (required)
        {
            document.Error(Node, Context ?? name, $"'{name}' is required");
        }

        return null;
    }

    public string? ErrorKey(string name) => Context ?? name;

    public string? String(string name, bool required = false) =>
        Get(name, required) is { } value ? document.Scalar(value, ErrorKey(name), name) : null;

    public string? Key(string name = "key", bool required = true) =>
        Get(name, required) is { } value ? document.Key(value, ErrorKey(name), name) : null;

    public double? Number(string name, bool required = false) =>
        Get(name, required) is { } value ? document.Number(value, ErrorKey(name), name) : null;

    public int? Integer(string name, bool required = false) =>
        Get(name, required) is { } value ? document.Integer(value, ErrorKey(name), name) : null;

    public bool? Boolean(string name, bool required = false) =>
        Get(name, required) is { } value ? document.Boolean(value, ErrorKey(name), name) : null;

    public LocalizedText? Text(string name, bool required = false) =>
        Get(name, required) is { } value ? document.Text(value, ErrorKey(name), name) : null;

    public IReadOnlyList<YamlNode>? Sequence(string name, bool required = false, bool nonEmpty = false) =>
        Get(name, required) is { } value ? document.Sequence(value, ErrorKey(name), name, nonEmpty) : null;

    public Fields? Open(string name, bool required, params string[] allowed) =>
        Get(name, required) is { } value ? document.Open(value, ErrorKey(name), $"'{name}'", allowed) : null;

    /// <summary>A field whose value is one of <paramref name="values"/> (YAML spelling to model value).</summary>
    public T? Choice<T>(string name, IReadOnlyDictionary<string, T> values, bool required = false) where T : struct
    {
        if (Get(name, required) is not { } value || document.Scalar(value, ErrorKey(name), name) is not { } text)
        {
            return null;
        }

        if (values.TryGetValue(text, out var choice))
        {
            return choice;
        }

        document.Error(value, ErrorKey(name), $"{name} '{text}' is not one of {string.Join(", ", values.Keys)}");
        return null;
    }
}
