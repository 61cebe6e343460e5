using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rightscope.Features.Remedy;

public enum QuestionType
{
    ShortText,
    LongText,
    Date,
    Choice,

    /// <summary>Files sent with the answers: never part of the answers document, stored as encrypted attachments.</summary>
    File,
}

/// <summary>One question of a channel's form; its label is <c>Q.{Key}</c> and each option <c>Option.{Key}.{option}</c> in <see cref="RemedyText"/>.</summary>
public sealed record Question(string Key, QuestionType Type, bool Required, int MaxLength = 0, IReadOnlyList<string>? Options = null, string? Default = null)
{
    public IReadOnlyList<string> Choices => Options ?? [];
}

/// <summary>
/// The questions of each <see cref="QuestionnaireKind"/>. The defender-incident form follows SDG indicator 16.10.1
/// (killing, enforced disappearance, torture, arbitrary detention, kidnapping, other harmful acts) and adds the
/// digital threats of seed 002; its profile questions are coarse and each can be declined.
/// </summary>
public static class Questionnaire
{
    public const string PreferNotToSay = "prefer-not-to-say";
    private const int LongText = 20_000;

    // Sizes are padded to this multiple before encryption, so a ciphertext's length says little about the answers.
    private const int PaddingBlock = 1024;

    /// <summary>The key of the file question both built-in questionnaires end with.</summary>
    public const string FilesKey = "files";

    private static readonly Question Contact = new("contact", QuestionType.LongText, false, 1_000);

    // Last in the form: text typed before it is read first, so a post refused for its size still keeps the answers.
    private static readonly Question Files = new(FilesKey, QuestionType.File, false);

    private static readonly IReadOnlyList<Question> General =
    [
        new("what-happened", QuestionType.LongText, true, LongText),
        new("product", QuestionType.ShortText, false, 300),
        new("when", QuestionType.Date, false),
        new("country", QuestionType.ShortText, false, 100),
        Contact,
        Files,
    ];

    private static readonly IReadOnlyList<Question> DefenderIncident =
    [
        new("violation", QuestionType.Choice, true, Options:
        [
            "killing", "enforced-disappearance", "torture", "arbitrary-detention", "kidnapping", "other-harmful-act",
            "spyware", "targeted-surveillance", "account-hacking", "doxxing", "online-harassment", "internet-shutdown",
        ]),
        new("perpetrator", QuestionType.Choice, true, Options: ["state", "non-state", "unknown"]),
        new("sex", QuestionType.Choice, true, Options: ["female", "male", "other", PreferNotToSay], Default: PreferNotToSay),
        new("age", QuestionType.Choice, true, Options: ["under-18", "18-29", "30-44", "45-59", "60-plus", PreferNotToSay], Default: PreferNotToSay),
        new("group", QuestionType.Choice, true, Options:
        [
            "journalist", "lawyer", "trade-unionist", "environmental-land-defender", "indigenous-peoples", "lgbti",
            "women-human-rights-defender", "other", PreferNotToSay,
        ], Default: PreferNotToSay),
        new("description", QuestionType.LongText, true, LongText),
        Contact,
        Files,
    ];

    public static IReadOnlyList<Question> For(QuestionnaireKind kind) => kind switch
    {
        QuestionnaireKind.General => General,
        QuestionnaireKind.DefenderIncident => DefenderIncident,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Checks the answers; returns the problems as (question key, <see cref="RemedyText"/> key) pairs.</summary>
    public static List<(string Key, string Problem)> Validate(QuestionnaireKind kind, IReadOnlyDictionary<string, string?> answers, DateOnly today)
    {
        var problems = new List<(string, string)>();
        foreach (var question in For(kind).Where(q => q.Type != QuestionType.File))
        {
            var value = answers.GetValueOrDefault(question.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (question.Required)
                {
                    problems.Add((question.Key, "Validation.Required"));
                }

                continue;
            }

            var problem = question.Type switch
            {
                QuestionType.ShortText or QuestionType.LongText when value.Length > question.MaxLength => "Validation.TooLong",
                QuestionType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => "Validation.Date",
                QuestionType.Date when DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) > today => "Validation.DateInFuture",
                QuestionType.Choice when !question.Choices.Contains(value, StringComparer.Ordinal) => "Validation.Choice",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add((question.Key, problem));
            }
        }

        return problems;
    }

    /// <summary>The answers as one JSON document, padded with trailing spaces to a multiple of 1 KiB.</summary>
    public static string ToDocument(QuestionnaireKind kind, string language, IReadOnlyDictionary<string, string?> answers)
    {
        var kept = For(kind)
            .Where(q => q.Type != QuestionType.File)
            .Select(q => (q.Key, Value: answers.GetValueOrDefault(q.Key)?.Trim()))
            .Where(a => !string.IsNullOrEmpty(a.Value))
            .ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(new ReportDocument(kind.ToCode(), language, kept));
        var bytes = Encoding.UTF8.GetByteCount(json);
        var padded = (bytes / PaddingBlock + 1) * PaddingBlock;
        return json + new string(' ', padded - bytes);
    }

    public static ReportDocument ReadDocument(string json) =>
        JsonSerializer.Deserialize<ReportDocument>(json) ?? throw new JsonException("The report document is empty.");
}

/// <summary>What the reporter answered, as encrypted in <see cref="GrievanceCase.Report"/>.</summary>
public sealed record ReportDocument(string Questionnaire, string Language, Dictionary<string, string> Answers);
