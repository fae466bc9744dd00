// Stylesheets have no behaviour under jsdom.
export default {};
