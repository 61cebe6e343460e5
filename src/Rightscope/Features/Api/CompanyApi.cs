using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Companies;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Companies;

namespace Rightscope.Features.Api;

/// <summary>The company registry through the API: the same command as the registry form (<see cref="CompanyCommands"/>).</summary>
public static class CompanyApi
{
    public static RouteGroupBuilder MapCompanyApi(this RouteGroupBuilder group)
    {
        group.MapGet("/companies", ListAsync)
            .WithTags("Companies")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListCompanies")
            .WithSummary("The registry ordered by name; filtered by exact isin, lei or ticker and by name (either language, normalized, contains); paged by page and pageSize (1–200).");
        group.MapGet("/companies/{id:guid}", GetAsync)
            .WithTags("Companies")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("GetCompany")
            .WithSummary("One registry company.");
        group.MapPost("/companies", CreateAsync)
            .WithTags("Companies")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<CreateCompanyRequest>()
            .WithName("CreateCompany")
            .WithSummary("Adds a company to the registry with the registry form's validation: ISIN and LEI check digits, unique in the organization.");
        group.MapPost("/companies/{id:guid}/merge", MergeAsync)
            .WithTags("Companies")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<MergeCompanyRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("MergeCompany")
            .WithSummary("Merges the duplicate company into this one: its assessments, decisions, engagements, holdings and linked grievance cases move here, this company's empty fields are filled from the duplicate, and the duplicate is deleted. Both versions must be the companies' as last read (409 otherwise); a fictional and a real company are never merged (422).");
        return group;
    }

    private static async Task<Results<Ok<CompanyList>, ValidationProblem>> ListAsync(
        string? isin,
        string? lei,
        string? ticker,
        string? name,
        int? page,
        int? pageSize,
        HttpContext http,
        RightscopeDbContext db,
        IStringLocalizer<AssessmentsText> text,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (number, size) = ApiSupport.Paging(http, page, pageSize, errors);
        if (errors.Any)
        {
            return ApiSupport.QueryInvalid(http, errors);
        }

        var query = db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(isin))
        {
            var code = isin.Trim().ToUpperInvariant();
            query = query.Where(c => c.Isin == code);
        }

        if (!string.IsNullOrWhiteSpace(lei))
        {
            var code = lei.Trim().ToUpperInvariant();
            query = query.Where(c => c.Lei == code);
        }

        if (!string.IsNullOrWhiteSpace(ticker))
        {
            var code = ticker.Trim().ToUpperInvariant();
            query = query.Where(c => c.Ticker == code);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var normalized = CompanyName.Normalize(name);
            query = query.Where(c => normalized.Length > 0 && (c.NormalizedName.Contains(normalized) || (c.NormalizedAltName != null && c.NormalizedAltName.Contains(normalized))));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.NormalizedName).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CompanyList([.. items.Select(CompanyDocument.From)], number, size, total));
    }

    private static async Task<Results<Ok<CompanyDocument>, NotFound>> GetAsync(Guid id, RightscopeDbContext db, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return company is null ? TypedResults.NotFound() : TypedResults.Ok(CompanyDocument.From(company));
    }

    private static async Task<Results<Created<CompanyDocument>, ValidationProblem>> CreateAsync(
        string org,
        HttpRequest request,
        ClaimsPrincipal user,
        CompanyCommands commands,
        RightscopeDbContext db,
        IStringLocalizer<AssessmentsText> text,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiSupport.ReadJsonAsync<CreateCompanyRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var outcome = await commands.CreateAsync(
            ApiSupport.ActorOf(user),
            new CompanyInput(body.NameEn, body.NameZhHans, body.Country, body.Isin, body.Lei, body.Ticker, body.Sector, body.ExposureType,
                body.Technologies, body.Products, body.Website, body.Fictional),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(outcome.Errors), detail: outcome.Message);
        }

        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == outcome.Id, cancellationToken);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/companies/{company.Id}", CompanyDocument.From(company));
    }

    private static async Task<Results<Ok<CompanyDocument>, ValidationProblem, NotFound, ProblemHttpResult>> MergeAsync(
        Guid id,
        HttpRequest request,
        ClaimsPrincipal user,
        CompanyMerge merge,
        RightscopeDbContext db,
        IStringLocalizer<CompaniesText> text,
        CancellationToken cancellationToken)
    {
        if (!await db.Companies.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (body, invalid) = await ApiSupport.ReadJsonAsync<MergeCompanyRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        if (body.Duplicate is not { } duplicate || body.SurvivorVersion is not { } survivorVersion || body.DuplicateVersion is not { } duplicateVersion)
        {
            var field = body.Duplicate is null ? "duplicate" : body.SurvivorVersion is null ? "survivorVersion" : "duplicateVersion";
            return ApiSupport.Invalid(field, text["Merge.ApiFieldRequired", field], text["Merge.ApiNothingMerged"]);
        }

        var outcome = await merge.MergeAsync(ApiSupport.ActorOf(user), id, duplicate, survivorVersion, duplicateVersion, cancellationToken);
        return outcome.Status switch
        {
            CommandStatus.Done => TypedResults.Ok(CompanyDocument.From(await db.Companies.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken))),
            CommandStatus.Refused => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status422UnprocessableEntity),
            CommandStatus.NotFound => TypedResults.NotFound(),
            CommandStatus.Invalid => ApiSupport.Invalid(outcome),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict),
        };
    }
}
