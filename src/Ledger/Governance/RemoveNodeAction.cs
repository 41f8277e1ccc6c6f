using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>Removes a network node. Fields: node id (20).</summary>
public sealed class RemoveNodeAction(Address nodeId) : GovernanceAction
{
    public Address NodeId { get; } = nodeId;

    public override GovernanceActionKind Kind => GovernanceActionKind.RemoveNode;

    public override Outcome Apply(IStateAccess state, BlockContext block) =>
        NetworkNodeState.Remove(state, NodeId)
            ? Outcome.Success
            : Outcome.Fail(ErrorCodes.UnknownNode, $"node {NodeId} is not admitted");

    public override string Describe() => $"remove node {NodeId}";

    internal static RemoveNodeAction DecodeFields(ref CanonicalReader reader) => new(reader.ReadAddress("action.node_id"));

    private protected override void EncodeFields(ref CanonicalWriter writer) => writer.WriteAddress(NodeId);
}
