// Placeholder until the sandbox lands: the integration project will start the real sandbox here.
export default function setup(): void {}
