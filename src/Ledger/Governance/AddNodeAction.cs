using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>Admits a network node (validator or audit observer). Fields: a <see cref="NetworkNode"/>.</summary>
public sealed class AddNodeAction(NetworkNode node) : GovernanceAction
{
    public NetworkNode Node { get; } = node;

    public override GovernanceActionKind Kind => GovernanceActionKind.AddNode;

    public override Outcome Apply(IStateAccess state, BlockContext block)
    {
        if (NetworkNodeState.GetAll(state).Count >= NetworkNodeState.MaxNodes)
        {
            return Outcome.Fail(ErrorCodes.InvalidProposal, $"the network admits at most {NetworkNodeState.MaxNodes} nodes");
        }

        return NetworkNodeState.Add(state, Node)
            ? Outcome.Success
            : Outcome.Fail(ErrorCodes.NodeExists, $"node {Node.NodeId} is already admitted");
    }

    public override string Describe() => $"add {Node.Role.ToString().ToLowerInvariant()} node {Node.Name} ({Node.NodeId})";

    internal static AddNodeAction DecodeFields(ref CanonicalReader reader) => new(NetworkNode.Decode(ref reader));

    private protected override void EncodeFields(ref CanonicalWriter writer) => Node.Encode(ref writer);
}
