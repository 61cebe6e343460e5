namespace Rightscope.Data;

/// <summary>The organization whose data the current request or command may see. Empty means none.</summary>
public sealed class TenantScope
{
    public Guid? OrganizationId { get; private set; }

    public void Enter(Guid organizationId)
    {
        if (OrganizationId is { } current && current != organizationId)
        {
            throw new InvalidOperationException("A request cannot switch from one organization to another.");
        }

        OrganizationId = organizationId;
    }
}
