using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Audit;

public sealed class AuditTrailTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Audit_entries_are_visible_only_to_their_own_tenant_and_system_entries_to_none(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        await app.SignInAsync(owner.Email!); // writes a system-chain entry

        await using var untenanted = app.Services.CreateAsyncScope();
        var none = await untenanted.ServiceProvider.GetRequiredService<RightscopeDbContext>().AuditEntries.CountAsync();
        var all = await untenanted.ServiceProvider.GetRequiredService<RightscopeDbContext>().AuditEntries.IgnoreQueryFilters().CountAsync();
        await using var tenanted = app.Services.CreateAsyncScope();
        tenanted.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization.Id);
        var own = await tenanted.ServiceProvider.GetRequiredService<RightscopeDbContext>().AuditEntries.Select(e => e.Action).ToListAsync();

        Assert.Equal(0, none);
        Assert.Equal(2, all);
        Assert.Equal(["organization.created"], own);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_summary_cut_inside_a_surrogate_pair_is_stored_and_verifies(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, _) = await app.CreateOrganizationAsync();
        var summary = new string('a', 1999) + "😀😀";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesAsync(
                new AuditRecord(organization.Id, AuditActor.System, "test.long", null, null, summary));
        }

        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<RightscopeDbContext>().AuditEntries.IgnoreQueryFilters()
            .SingleAsync(e => e.Action == "test.long");
        Assert.Equal(new string('a', 1999), stored.Summary);
        Assert.True(check.ServiceProvider.GetRequiredService<AuditVerifier>().Verify([]).IsIntact);
    }

    [Theory]
    [InlineData("abc", 5, "abc")]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("ab😀", 3, "ab")]
    [InlineData("a😀b", 3, "a😀")]
    public void Truncate_never_leaves_half_a_surrogate_pair(string value, int length, string expected)
    {
        Assert.Equal(expected, AuditTrail.Truncate(value, length));
    }
}
