namespace Rightscope.Data;

/// <summary>
/// Data that belongs to one organization. The DbContext filters every query on it to the organization of the
/// current request (DESIGN §9.3); code that must cross organizations says so with <c>IgnoreQueryFilters()</c>.
/// </summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}
