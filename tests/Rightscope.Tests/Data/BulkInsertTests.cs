using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Features.Portfolios;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Data;

/// <summary>
/// <see cref="BulkInsert"/> writes exactly what SaveChanges would: every column, nulls and non-nulls in any order of
/// rows (SQLite reuses one prepared statement), readable back through EF Core and its query filters.
/// </summary>
public sealed class BulkInsertTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Rows_written_in_bulk_read_back_through_ef_core_field_for_field(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var now = DateTime.UtcNow;
        var portfolio = new Portfolio { OrganizationId = org.Id, Name = "Bulk", BaseCurrency = "CHF", CreatedAt = now, UpdatedAt = now };
        var snapshot = new HoldingsSnapshot
        {
            OrganizationId = org.Id,
            PortfolioId = portfolio.Id,
            AsOf = new DateOnly(2026, 6, 30),
            SourceFileName = "bulk.csv",
            Fingerprint = "bulk",
            ImportedBy = "test",
            ImportedAt = now,
        };
        var registered = new Rightscope.Features.Companies.Company { OrganizationId = org.Id, NameEn = "Fictional Optics", NormalizedName = "fictional optics", Fictional = true };
        db.AddRange(portfolio, snapshot, registered);
        await db.SaveChangesAsync();
        var company = registered.Id;
        // The first row has every optional column empty, the next ones alternate, so a reused statement sees both.
        var rows = Enumerable.Range(0, 1_203).Select(i => new Holding
        {
            OrganizationId = org.Id,
            SnapshotId = snapshot.Id,
            Line = i + 2,
            CompanyId = i % 2 == 1 ? company : null,
            Name = i == 0 ? null : $"Fictional holding {i} · 虚构持仓",
            Isin = i % 3 == 1 ? "US0378331005" : null,
            Country = i == 0 ? null : "CH",
            Weight = i == 0 ? null : i / 7.0,
            MarketValueMinor = i == 0 ? null : long.MaxValue - i,
            Currency = i == 0 ? null : "CHF",
            Shares = i % 4 == 3 ? 0.5 : null,
        }).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(rows.Count, await db.InsertAsync(rows, CancellationToken.None));
            await transaction.CommitAsync();
        }

        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(org.Id);
        var stored = await db.Holdings.AsNoTracking().Where(h => h.SnapshotId == snapshot.Id).OrderBy(h => h.Line).ToListAsync();
        Assert.Equal(rows.Count, stored.Count);
        foreach (var (expected, actual) in rows.Zip(stored))
        {
            Assert.Equivalent(expected, actual, strict: true);
        }

        Assert.Equal(rows.Count(r => r.CompanyId == company), await db.Holdings.CountAsync(h => h.CompanyId == company));
    }

    [Fact]
    public async Task Outside_a_transaction_nothing_is_written()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAsync(new[] { new Holding { SnapshotId = Guid.NewGuid() } }, CancellationToken.None));
        Assert.Equal(0, await db.Holdings.IgnoreQueryFilters().CountAsync());
    }
}
