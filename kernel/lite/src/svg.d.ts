// webpack (JupyterLab's builder) imports an .svg as its text; the kernelspec takes the logo as a data URL
declare module "*.svg" {
  const text: string;
  export default text;
}
