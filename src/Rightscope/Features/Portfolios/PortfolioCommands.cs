using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Money;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Portfolios;

/// <summary>Creating a portfolio, the same for the page and the API. Field keys are the API's (<c>name</c>, <c>baseCurrency</c>).</summary>
public sealed class PortfolioCommands(RightscopeDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<PortfoliosText> text)
{
    public async Task<CommandOutcome> CreateAsync(CommandActor actor, string? name, string? baseCurrency, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > Portfolio.NameMaxLength)
        {
            errors.Add("name", text["List.NameInvalid", Portfolio.NameMaxLength]);
        }
        else if (await db.Portfolios.AnyAsync(p => p.Name == trimmed, cancellationToken))
        {
            errors.Add("name", text["List.NameTaken", trimmed]);
        }

        if (!Currency.TryParse(baseCurrency?.Trim(), out var currency))
        {
            errors.Add("baseCurrency", text["List.CurrencyInvalid"]);
        }

        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["List.NothingSaved"], errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var portfolio = new Portfolio { OrganizationId = actor.OrganizationId, Name = trimmed, BaseCurrency = currency!.Code, CreatedAt = now, UpdatedAt = now };
        db.Portfolios.Add(portfolio);
        await audit.SaveChangesAsync(
            new AuditRecord(actor.OrganizationId, actor.Audit, "portfolio.created", "portfolio", portfolio.Id.ToString("N"), $"{trimmed} ({currency.Code})"),
            cancellationToken);
        return CommandOutcome.Done(portfolio.Id);
    }
}
