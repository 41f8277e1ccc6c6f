using Microsoft.AspNetCore.Http;

namespace DaiChain.Node.Rpc;

/// <summary>
/// An extra HTTP endpoint served by the same Kestrel host, for what is not JSON-RPC (artifact upload and
/// download). The handler sets its own body limit through <c>IHttpMaxRequestBodySizeFeature</c> if it needs
/// more than <see cref="RpcServerOptions.MaxBodyBytes"/>.
/// </summary>
/// <param name="Method">HTTP method, e.g. PUT.</param>
/// <param name="PathPrefix">Path prefix starting with '/', e.g. <c>/artifacts/</c>.</param>
/// <param name="Handler">The request handler.</param>
public sealed record HttpRoute(string Method, string PathPrefix, RequestDelegate Handler);
