using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Remedy;

namespace Rightscope.Demo;

/// <summary>
/// The demo company's public channel <c>/report/demo</c>, received by its demo case handler. The handler's key pair is
/// wrapped by the demo password printed at start-up, with a reduced Argon2id cost that marks it as demo data.
/// </summary>
public static class DemoChannel
{
    public const string Slug = "demo";

    public static readonly KeyDerivationCost HandlerKeyCost = KeyDerivationCost.Reduced(8 * 1024, 1);

    public static void Add(RightscopeDbContext db, Guid organizationId, Guid handlerId, string handlerPassword, KeyDerivationCost receiptCost, DateTime now)
    {
        AddHandlerKey(db, handlerId, handlerPassword, now);
        var channel = new Channel
        {
            OrganizationId = organizationId,
            Slug = Slug,
            NameEn = "Demo Company grievance channel (fictional)",
            NameZh = "示例公司申诉渠道（虚构）",
            IntroEn = "A demonstration channel of a fictional company. Do not send real reports here.",
            IntroZh = "虚构公司的演示渠道。请勿在此提交真实举报。",
            Questionnaire = QuestionnaireKind.General,
            RetentionDays = 365,
            ReceiptSalt = ReporterAccessKey.NewSalt(),
            ReceiptCost = receiptCost.ToDescriptor(),
            CreatedAt = now,
        };
        db.Channels.Add(channel);
        db.ChannelRecipients.Add(new ChannelRecipient { OrganizationId = organizationId, ChannelId = channel.Id, UserId = handlerId });
    }

    /// <summary>A demo case handler's key pair, wrapped by the printed demo password; returns the public key cases are sealed to.</summary>
    public static byte[] AddHandlerKey(RightscopeDbContext db, Guid handlerId, string handlerPassword, DateTime now)
    {
        var wrapped = RecipientKeyPair.Generate(handlerPassword, HandlerKeyCost, out var recoveryKey);
        // Demo data: nobody needs the recovery key, and printing it would only teach people to paste it into terminals.
        recoveryKey.Dispose();
        db.HandlerKeys.Add(new HandlerKey
        {
            UserId = handlerId,
            PublicKey = wrapped.PublicKey.ToBytes(),
            ByPassword = wrapped.ByPassword,
            ByRecoveryKey = wrapped.ByRecoveryKey,
            Cost = HandlerKeyCost.ToDescriptor(),
            CreatedAt = now,
            ChangedAt = now,
        });
        return wrapped.PublicKey.ToBytes();
    }
}
