using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Transparency;

/// <summary>A government request as the form sends it: every value a string, checked by <see cref="GovernmentRequestCommands"/>.</summary>
public sealed class GovernmentRequestInput
{
    public string? Reference { get; set; }

    public string? ReceivedOn { get; set; }

    public string? Country { get; set; }

    public string? Authority { get; set; }

    public string? Type { get; set; }

    public string? Process { get; set; }

    public string? AccountsSpecified { get; set; }

    public string? ItemsSpecified { get; set; }

    public string? Summary { get; set; }

    public string? ValidAndBinding { get; set; }

    public string? ValidAndBindingNote { get; set; }

    public string? ConsistentWithLaw { get; set; }

    public string? ConsistentWithLawNote { get; set; }

    public string? Legality { get; set; }

    public string? LegalityNote { get; set; }

    public string? LegitimateAim { get; set; }

    public string? LegitimateAimNote { get; set; }

    public string? Necessity { get; set; }

    public string? NecessityNote { get; set; }

    public string? Proportionality { get; set; }

    public string? ProportionalityNote { get; set; }

    public string? Decision { get; set; }

    public string? DecidedOn { get; set; }

    public string? ItemsDisclosedOrRemoved { get; set; }

    public bool NonDisclosureOrder { get; set; }

    /// <summary><c>yes</c>, <c>no</c> or empty (not known).</summary>
    public string? UserNotified { get; set; }

    /// <summary>The concurrency token the edit form was rendered with.</summary>
    public Guid? Version { get; set; }

    public static GovernmentRequestInput From(GovernmentRequest r) => new()
    {
        Reference = r.Reference,
        ReceivedOn = Iso(r.ReceivedOn),
        Country = r.CountryCode,
        Authority = r.Authority,
        Type = TransparencyCodes.Code(r.Type),
        Process = TransparencyCodes.Code(r.Process),
        AccountsSpecified = Int(r.AccountsSpecified),
        ItemsSpecified = Int(r.ItemsSpecified),
        Summary = r.Summary,
        ValidAndBinding = Answer(r.ValidAndBinding),
        ValidAndBindingNote = r.ValidAndBindingNote,
        ConsistentWithLaw = Answer(r.ConsistentWithLaw),
        ConsistentWithLawNote = r.ConsistentWithLawNote,
        Legality = Answer(r.Legality),
        LegalityNote = r.LegalityNote,
        LegitimateAim = Answer(r.LegitimateAim),
        LegitimateAimNote = r.LegitimateAimNote,
        Necessity = Answer(r.Necessity),
        NecessityNote = r.NecessityNote,
        Proportionality = Answer(r.Proportionality),
        ProportionalityNote = r.ProportionalityNote,
        Decision = TransparencyCodes.Code(r.Decision),
        DecidedOn = r.DecidedOn is { } d ? Iso(d) : null,
        ItemsDisclosedOrRemoved = Int(r.ItemsDisclosedOrRemoved),
        NonDisclosureOrder = r.NonDisclosureOrder,
        UserNotified = r.UserNotified switch { true => "yes", false => "no", null => "" },
        Version = r.ConcurrencyToken,
    };

    private static string? Answer(ChecklistAnswer? answer) => answer is { } a ? TransparencyCodes.Code(a) : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Records and edits government requests: every field is checked first (nothing is written when one is wrong), then the
/// request is saved with one audit entry whose summary carries dates, codes and counts, never the free texts.
/// </summary>
public sealed class GovernmentRequestCommands(RightscopeDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<TransparencyText> text)
{
    public const int MaxCount = 100_000_000;

    /// <summary>The checklist's questions: field key, the entity's answer and note.</summary>
    public static readonly IReadOnlyList<string> Checklist = ["validAndBinding", "consistentWithLaw", "legality", "legitimateAim", "necessity", "proportionality"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommandOutcome> CreateAsync(CommandActor actor, GovernmentRequestInput input, CancellationToken cancellationToken)
    {
        var request = new GovernmentRequest
        {
            OrganizationId = actor.OrganizationId,
            CountryCode = "",
            Authority = "",
            CreatedByUserId = actor.UserId,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        var errors = new FieldErrors();
        Apply(request, input, errors);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        db.GovernmentRequests.Add(request);
        await audit.SaveChangesAsync(Record(actor, "government-request.created", request), cancellationToken);
        return CommandOutcome.Done(request.Id);
    }

    public async Task<CommandOutcome> UpdateAsync(CommandActor actor, Guid id, GovernmentRequestInput input, CancellationToken cancellationToken)
    {
        var request = await db.GovernmentRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return CommandOutcome.NotFound();
        }

        if (input.Version is { } version && version != request.ConcurrencyToken)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        var errors = new FieldErrors();
        Apply(request, input, errors);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        db.Entry(request).Property(r => r.ConcurrencyToken).OriginalValue = request.ConcurrencyToken;
        request.ConcurrencyToken = Guid.NewGuid();
        request.UpdatedAt = Now;
        try
        {
            await audit.SaveChangesAsync(Record(actor, "government-request.updated", request), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        return CommandOutcome.Done(request.Id);
    }

    private void Apply(GovernmentRequest request, GovernmentRequestInput input, FieldErrors errors)
    {
        var today = DateOnly.FromDateTime(Now);
        if (Date(input.ReceivedOn, "receivedOn", errors, required: true) is { } received)
        {
            if (received > today)
            {
                errors.Add("receivedOn", text["Field.DateInFuture", text["Label.receivedOn"]]);
            }

            request.ReceivedOn = received;
        }

        var country = CountryCodes.Resolve(input.Country, CountryMap.Empty);
        switch (country.Status)
        {
            case CountryStatus.Valid:
                request.CountryCode = country.Code!;
                break;
            case CountryStatus.Missing:
                errors.Add("country", text["Field.Required", text["Label.country"]]);
                break;
            case CountryStatus.NotIso:
                errors.Add("country", text["Field.CountryNotIso", input.Country!.Trim(), country.Suggestion!]);
                break;
            default:
                errors.Add("country", text["Field.CountryUnknown", input.Country!.Trim()]);
                break;
        }

        var authority = Text(input.Authority);
        if (authority is null || authority.Length > GovernmentRequest.AuthorityMaxLength)
        {
            errors.Add("authority", text["Field.TextInvalid", text["Label.authority"], GovernmentRequest.AuthorityMaxLength]);
        }
        else
        {
            request.Authority = authority;
        }

        var reference = Text(input.Reference);
        if (reference is { Length: > GovernmentRequest.ReferenceMaxLength })
        {
            errors.Add("reference", text["Field.TooLong", text["Label.reference"], GovernmentRequest.ReferenceMaxLength]);
        }

        request.Reference = reference;
        request.Type = Code<RequestType>(input.Type, "type", errors, required: true) ?? request.Type;
        request.Process = Code<LegalProcess>(input.Process, "process", errors, required: true) ?? request.Process;
        request.AccountsSpecified = Count(input.AccountsSpecified, "accountsSpecified", errors);
        request.ItemsSpecified = Count(input.ItemsSpecified, "itemsSpecified", errors);
        request.Summary = Note(input.Summary, "summary", errors);
        request.ValidAndBinding = Code<ChecklistAnswer>(input.ValidAndBinding, "validAndBinding", errors, required: false);
        request.ValidAndBindingNote = Note(input.ValidAndBindingNote, "validAndBindingNote", errors);
        request.ConsistentWithLaw = Code<ChecklistAnswer>(input.ConsistentWithLaw, "consistentWithLaw", errors, required: false);
        request.ConsistentWithLawNote = Note(input.ConsistentWithLawNote, "consistentWithLawNote", errors);
        request.Legality = Code<ChecklistAnswer>(input.Legality, "legality", errors, required: false);
        request.LegalityNote = Note(input.LegalityNote, "legalityNote", errors);
        request.LegitimateAim = Code<ChecklistAnswer>(input.LegitimateAim, "legitimateAim", errors, required: false);
        request.LegitimateAimNote = Note(input.LegitimateAimNote, "legitimateAimNote", errors);
        request.Necessity = Code<ChecklistAnswer>(input.Necessity, "necessity", errors, required: false);
        request.NecessityNote = Note(input.NecessityNote, "necessityNote", errors);
        request.Proportionality = Code<ChecklistAnswer>(input.Proportionality, "proportionality", errors, required: false);
        request.ProportionalityNote = Note(input.ProportionalityNote, "proportionalityNote", errors);
        request.Decision = Code<RequestDecision>(input.Decision, "decision", errors, required: false) ?? RequestDecision.Pending;
        request.DecidedOn = Date(input.DecidedOn, "decidedOn", errors, required: false);
        if (request.DecidedOn is { } decided && !errors.ToDictionary().ContainsKey("receivedOn") && decided < request.ReceivedOn)
        {
            errors.Add("decidedOn", text["Field.DecidedBeforeReceived"]);
        }

        if (request.DecidedOn is not null && request.Decision == RequestDecision.Pending)
        {
            errors.Add("decision", text["Field.DecisionRequiredWithDate"]);
        }

        request.ItemsDisclosedOrRemoved = Count(input.ItemsDisclosedOrRemoved, "itemsDisclosedOrRemoved", errors);
        if (request.ItemsDisclosedOrRemoved > 0 && request.Decision is RequestDecision.Pending or RequestDecision.Rejected)
        {
            errors.Add("itemsDisclosedOrRemoved", text["Field.NothingDisclosedWhen", text[$"Decision.{TransparencyCodes.Code(request.Decision)}"]]);
        }

        request.NonDisclosureOrder = input.NonDisclosureOrder;
        switch (Text(input.UserNotified)?.ToLowerInvariant())
        {
            case null:
                request.UserNotified = null;
                break;
            case "yes":
                request.UserNotified = true;
                break;
            case "no":
                request.UserNotified = false;
                break;
            default:
                errors.Add("userNotified", text["Field.ChoiceInvalid", text["Label.userNotified"]]);
                break;
        }
    }

    private DateOnly? Date(string? value, string field, FieldErrors errors, bool required)
    {
        var trimmed = Text(value);
        if (trimmed is null)
        {
            if (required)
            {
                errors.Add(field, text["Field.Required", text[$"Label.{field}"]]);
            }

            return null;
        }

        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= TransparencyPeriod.FirstYear and <= TransparencyPeriod.LastYear)
        {
            return day;
        }

        errors.Add(field, text["Field.DateInvalid", text[$"Label.{field}"], trimmed]);
        return null;
    }

    private TEnum? Code<TEnum>(string? value, string field, FieldErrors errors, bool required)
        where TEnum : struct, Enum
    {
        var trimmed = Text(value);
        if (trimmed is null)
        {
            if (required)
            {
                errors.Add(field, text["Field.Required", text[$"Label.{field}"]]);
            }

            return null;
        }

        if (TransparencyCodes.TryParse<TEnum>(trimmed, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, text["Field.ChoiceInvalid", text[$"Label.{field}"]]);
        return null;
    }

    private int Count(string? value, string field, FieldErrors errors)
    {
        var trimmed = Text(value);
        if (trimmed is null)
        {
            return 0;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxCount)
        {
            return count;
        }

        errors.Add(field, text["Field.CountInvalid", text[$"Label.{field}"], trimmed]);
        return 0;
    }

    private string Note(string? value, string field, FieldErrors errors)
    {
        var trimmed = Text(value) ?? "";
        if (trimmed.Length > GovernmentRequest.NoteMaxLength)
        {
            errors.Add(field, text["Field.TooLong", text[$"Label.{field}"], GovernmentRequest.NoteMaxLength]);
            return "";
        }

        return trimmed;
    }

    private static AuditRecord Record(CommandActor actor, string action, GovernmentRequest r) =>
        new(actor.OrganizationId, actor.Audit, action, "government-request", r.Id.ToString("N"), string.Create(CultureInfo.InvariantCulture,
            $"received {r.ReceivedOn:yyyy-MM-dd}; country {r.CountryCode}; type {TransparencyCodes.Code(r.Type)}; process {TransparencyCodes.Code(r.Process)}; accounts {r.AccountsSpecified}; decision {TransparencyCodes.Code(r.Decision)}; items {r.ItemsDisclosedOrRemoved}; non-disclosure order {(r.NonDisclosureOrder ? "yes" : "no")}"));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
