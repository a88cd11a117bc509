/**
 * `bottleneck/light.js` is Bottleneck without Redis clustering: the build
 * plugin-throttling itself runs on. Bottleneck types only its main entry,
 * whose API the light build shares.
 */
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
