namespace DaiChain.Node.Hosting;

/// <summary>
/// A part of the node contributed by another area (the model registry's RPC methods, artifact routes and commit
/// observers): <see cref="NodeHost"/> calls <see cref="Register"/> once, after the chain is open and before the
/// RPC server and the network start.
/// </summary>
public interface INodeExtension
{
    void Register(NodeExtensionContext context);
}
