declare module 'virtual:story' {
  const story: import('./lib/story/types').Story;
  export default story;
}
