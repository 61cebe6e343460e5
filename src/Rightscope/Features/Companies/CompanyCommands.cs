using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Companies;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Companies;

/// <summary>A company as a form or an import describes it; every text is trimmed and an empty text is none.</summary>
public sealed record CompanyInput(
    string? NameEn,
    string? NameZhHans,
    string? Country,
    string? Isin,
    string? Lei,
    string? Ticker,
    string? Sector,
    string? ExposureType,
    IReadOnlyList<string>? Technologies,
    string? Products,
    string? Website,
    bool Fictional);

/// <summary>
/// Creates and edits registry companies, validating every field with the Core identifier types, refusing an ISIN or
/// LEI another company of the organization has, and saving with one audit entry and a new concurrency token.
/// Field keys are the input's property names in camel case (<c>isin</c>, <c>nameEn</c>).
/// </summary>
public sealed class CompanyCommands(
    RightscopeDbContext db,
    MethodologyRegistry registry,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<CompaniesText> text)
{
    public const string TechnologiesCatalog = "surveillance-technologies";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommandOutcome> CreateAsync(CommandActor actor, CompanyInput input, CancellationToken cancellationToken)
    {
        var company = new Company { OrganizationId = actor.OrganizationId, CreatedAt = Now };
        var errors = await ApplyAsync(company, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        company.UpdatedAt = company.CreatedAt;
        db.Companies.Add(company);
        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(actor.OrganizationId, actor.Audit, "company.created", "company", company.Id.ToString("N"), Summary(company)),
                cancellationToken);
        }
        catch (DbUpdateException) when (company.Isin is not null || company.Lei is not null)
        {
            // Someone saved the same ISIN or LEI between the check and the save: the unique index refused ours.
            db.Entry(company).State = EntityState.Detached;
            var raced = new FieldErrors();
            raced.Add(company.Isin is not null ? "isin" : "lei", company.Isin is not null ? text["Field.IsinTaken", company.Isin] : text["Field.LeiTaken", company.Lei!]);
            return CommandOutcome.Invalid(text["Form.NothingSaved"], raced);
        }

        return CommandOutcome.Done(company.Id);
    }

    /// <summary>Saves the edit of a company last read at <paramref name="version"/>; a conflict when someone saved it since.</summary>
    public async Task<CommandOutcome> UpdateAsync(CommandActor actor, Guid id, Guid version, CompanyInput input, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return CommandOutcome.NotFound();
        }

        if (company.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        var before = Summary(company);
        var errors = await ApplyAsync(company, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        db.Entry(company).Property(c => c.ConcurrencyToken).OriginalValue = version;
        company.ConcurrencyToken = Guid.NewGuid();
        company.UpdatedAt = Now;
        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(actor.OrganizationId, actor.Audit, "company.updated", "company", company.Id.ToString("N"), $"{before} → {Summary(company)}"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        return CommandOutcome.Done(company.Id);
    }

    /// <summary>Saves a holding just linked to <see cref="Portfolios.Holding.CompanyId"/> and its snapshot's matched count, with one audit entry.</summary>
    public async Task LinkHoldingAsync(CommandActor actor, Portfolios.Holding holding, CancellationToken cancellationToken)
    {
        var snapshot = await db.HoldingsSnapshots.SingleAsync(s => s.Id == holding.SnapshotId, cancellationToken);
        snapshot.MatchedCount = await db.Holdings.CountAsync(h => h.SnapshotId == snapshot.Id && h.CompanyId != null && h.Id != holding.Id, cancellationToken) + 1;
        await audit.SaveChangesAsync(
            new AuditRecord(actor.OrganizationId, actor.Audit, "holding.linked", "holding", holding.Id.ToString("N"),
                $"snapshot {snapshot.AsOf:yyyy-MM-dd}, line {holding.Line} ({holding.Isin ?? holding.Lei ?? holding.Ticker ?? holding.Name}) → company {holding.CompanyId:N}"),
            cancellationToken);
    }

    private async Task<FieldErrors> ApplyAsync(Company company, CompanyInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var nameEn = Text(input.NameEn);
        var nameZh = Text(input.NameZhHans);
        if (nameEn is null && nameZh is null)
        {
            errors.Add("nameEn", text["Field.NameRequired"]);
        }

        foreach (var (key, value) in new[] { ("nameEn", nameEn), ("nameZhHans", nameZh) })
        {
            if (value?.Length > Company.NameMaxLength)
            {
                errors.Add(key, text["Field.TooLong", Company.NameMaxLength]);
            }
        }

        string? country = null;
        if (Text(input.Country) is { } countryText)
        {
            if (Country.TryParse(countryText, out var parsed))
            {
                country = parsed.Alpha2;
            }
            else
            {
                errors.Add("country", text["Field.CountryInvalid", countryText]);
            }
        }

        string? isin = null;
        if (Text(input.Isin) is { } isinText)
        {
            if (Isin.TryParse(isinText, out var parsed, out var error))
            {
                isin = parsed.Value;
            }
            else
            {
                errors.Add("isin", error == IdentifierError.CheckDigit ? text["Field.IsinCheckDigit", isinText] : text["Field.IsinFormat", isinText]);
            }
        }

        string? lei = null;
        if (Text(input.Lei) is { } leiText)
        {
            if (Lei.TryParse(leiText, out var parsed, out var error))
            {
                lei = parsed.Value;
            }
            else
            {
                errors.Add("lei", error == IdentifierError.CheckDigit ? text["Field.LeiCheckDigits", leiText] : text["Field.LeiFormat", leiText]);
            }
        }

        string? ticker = null;
        if (Text(input.Ticker) is { } tickerText)
        {
            if (Ticker.TryParse(tickerText, out var parsed))
            {
                ticker = parsed.Value;
            }
            else
            {
                errors.Add("ticker", text["Field.TickerInvalid", tickerText]);
            }
        }

        int? exposure = Text(input.ExposureType) switch
        {
            null or "unknown" => null,
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => -1,
        };
        if (exposure == -1)
        {
            errors.Add("exposureType", text["Field.ExposureTypeInvalid"]);
        }

        var catalog = registry.Shipped.Reference(TechnologiesCatalog);
        var technologies = (input.Technologies ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (technologies.Any(t => catalog?.Find(t) is null))
        {
            errors.Add("technologies", text["Field.TechnologiesInvalid"]);
        }

        var sector = Text(input.Sector);
        if (sector?.Length > Company.SectorMaxLength)
        {
            errors.Add("sector", text["Field.TooLong", Company.SectorMaxLength]);
        }

        var products = Text(input.Products);
        if (products?.Length > Company.ProductsMaxLength)
        {
            errors.Add("products", text["Field.TooLong", Company.ProductsMaxLength]);
        }

        var website = Text(input.Website);
        if (website is not null && (website.Length > Company.WebsiteMaxLength
            || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add("website", text["Field.WebsiteInvalid"]);
        }

        if (!errors.Any)
        {
            // Unique per organization; checked here for a field message, and by the unique index against a race.
            if (isin is not null && await db.Companies.AnyAsync(c => c.Isin == isin && c.Id != company.Id, cancellationToken))
            {
                errors.Add("isin", text["Field.IsinTaken", isin]);
            }

            if (lei is not null && await db.Companies.AnyAsync(c => c.Lei == lei && c.Id != company.Id, cancellationToken))
            {
                errors.Add("lei", text["Field.LeiTaken", lei]);
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        company.NameEn = nameEn;
        company.NameZhHans = nameZh;
        SetNormalizedNames(company);
        company.Country = country;
        company.Isin = isin;
        company.Lei = lei;
        company.Ticker = ticker;
        company.Sector = sector;
        company.ExposureType = exposure;
        company.Technologies = string.Join(',', technologies);
        company.Products = products;
        company.Website = website;
        company.Fictional = input.Fictional;
        return errors;
    }

    public static void SetNormalizedNames(Company company)
    {
        var en = CompanyName.Normalize(company.NameEn);
        var zh = CompanyName.Normalize(company.NameZhHans);
        company.NormalizedName = en.Length > 0 ? en : zh;
        company.NormalizedAltName = en.Length > 0 && zh.Length > 0 && zh != en ? zh : null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Summary(Company c) =>
        $"{c.NameEn ?? c.NameZhHans}; isin {c.Isin ?? "-"}; lei {c.Lei ?? "-"}; ticker {c.Ticker ?? "-"}; country {c.Country ?? "-"}; exposure {c.ExposureType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}{(c.Fictional ? "; fictional" : "")}";
}
